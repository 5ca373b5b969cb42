import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { checkCalendarData, dayOfWeek, type HolidayCalendarData } from '@society-hub/domain';
import { Alert, App, Button, DatePicker, Flex, Form, type FormInstance, Input, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Card } from '@/components/card';
import { isApiError } from '@/lib/api-client';
import { isConflict } from '@/lib/conflict';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { usePutCalendar } from '../api/put-calendar';
import type { CalendarYear, CalendarYearPut } from '../api/types';

const DATE = 'YYYY-MM-DD';

export interface HolidayRow {
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export interface CalendarValues {
  holidays?: HolidayRow[];
  makeUpWorkdays?: Dayjs[] | null;
  source?: string;
}

export function valuesOf(calendar: CalendarYear): CalendarValues {
  return {
    holidays: calendar.holidays.map((holiday) => ({
      name: holiday.name,
      range: [dayjs(holiday.from), dayjs(holiday.to)],
    })),
    makeUpWorkdays: calendar.makeUpWorkdays.map((day) => dayjs(day)),
    source: calendar.source ?? '',
  };
}

/** The body to PUT: complete holiday rows in date order, make-up days sorted, the source trimmed. */
export function bodyOf(year: number, values: CalendarValues): CalendarYearPut {
  const holidays = (values.holidays ?? []).flatMap((row) => {
    const [from, to] = row?.range ?? [];
    return from && to ? [{ name: (row.name ?? '').trim(), from: from.format(DATE), to: to.format(DATE) }] : [];
  });
  holidays.sort((a, b) => a.from.localeCompare(b.from));
  const makeUpWorkdays = [...new Set((values.makeUpWorkdays ?? []).map((day) => day.format(DATE)))].sort();
  return { year, holidays, makeUpWorkdays, source: values.source?.trim() || null };
}

/** The data the preview, the count and the calculator use: what the form holds now. */
export function dataOf(year: number, values: CalendarValues): HolidayCalendarData {
  const { holidays, makeUpWorkdays } = bodyOf(year, values);
  return { holidays: holidays.filter((holiday) => holiday.from <= holiday.to), makeUpWorkdays };
}

interface CalendarEditorProps {
  calendar: CalendarYear;
  initialValues: CalendarValues;
  form: FormInstance<CalendarValues>;
  editable: boolean;
  dirty: boolean;
  onReload: () => void;
}

/** The year's holidays (name, first and last day) and make-up working days, with the source they come from. */
export function CalendarEditor({ calendar, initialValues, form, editable, dirty, onReload }: CalendarEditorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const save = usePutCalendar();
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const { year } = calendar;
  const outsideYear = (day: Dayjs) => day.year() !== year;

  function problemText(code: string, detail: { date?: string; name?: string } = {}): string {
    switch (code) {
      case 'name_empty':
        return t('calendar.error.name_empty');
      case 'range_inverted':
        return t('calendar.error.range_inverted');
      case 'date_invalid':
        return t('calendar.error.date_invalid');
      case 'make_up_day_not_weekend':
        return t('calendar.error.make_up_day_not_weekend', { date: detail.date ?? '' });
      case 'duplicate':
        return t('calendar.error.duplicate', { date: detail.date ?? '' });
      case 'holiday_and_make_up_day':
        return t('calendar.error.holiday_and_make_up_day', { date: detail.date ?? '', name: detail.name ?? '' });
      case 'other_year':
        return t('calendar.error.other_year', { year });
      default:
        return t('field.invalid');
    }
  }

  /** The domain's checks on the make-up days against the holidays as they stand in the form. */
  const makeUpRule = {
    validator: async (_: unknown, value: Dayjs[] | null | undefined) => {
      const body = bodyOf(year, { ...form.getFieldsValue(), makeUpWorkdays: value ?? [] });
      const problems = checkCalendarData(body).filter((p) => p.path.startsWith('/makeUpWorkdays/'));
      const first = problems[0];
      if (!first) return;
      const date = body.makeUpWorkdays[Number(first.path.split('/')[2])];
      const holiday = body.holidays.find((h) => date !== undefined && h.from <= date && date <= h.to);
      throw new Error(problemText(first.code, { date, name: holiday?.name }));
    },
  };

  function onError(error: unknown, sent: CalendarYearPut) {
    if (isConflict(error)) {
      setConflict(true);
      return;
    }
    const fields: Parameters<typeof form.setFields>[0] = [];
    const formRows = form.getFieldsValue().holidays ?? [];
    for (const issue of isApiError(error) ? (error.problem.errors ?? []) : []) {
      const holiday = /^\/body\/holidays\/(\d+)(?:\/(\w+))?$/.exec(issue.path);
      const makeUp = /^\/body\/makeUpWorkdays\/(\d+)$/.exec(issue.path);
      if (holiday) {
        // The rows were sorted for sending: find the form row that holds the sent holiday.
        const sentRow = sent.holidays[Number(holiday[1])];
        const index = formRows.findIndex(
          (row) => row?.range?.[0]?.format(DATE) === sentRow?.from && row?.range?.[1]?.format(DATE) === sentRow?.to,
        );
        fields.push({
          name: ['holidays', Math.max(index, 0), holiday[2] === 'name' ? 'name' : 'range'],
          errors: [problemText(issue.code)],
        });
      } else if (makeUp) {
        const date = sent.makeUpWorkdays[Number(makeUp[1])];
        fields.push({ name: ['makeUpWorkdays'], errors: [problemText(issue.code, { date })] });
      }
    }
    if (fields.length > 0) {
      form.setFields(fields);
      setFormError(t('calendar.editor.fixErrors'));
      return;
    }
    setFormError(problemMessage(error, i18n));
  }

  async function onSave() {
    setFormError(undefined);
    try {
      await form.validateFields();
    } catch {
      setFormError(t('calendar.editor.fixErrors'));
      return;
    }
    const body = bodyOf(year, form.getFieldsValue());
    save.mutate(
      { body, version: calendar.version },
      {
        onSuccess: () => message.success(t('calendar.editor.saved', { year })),
        onError: (error) => onError(error, body),
      },
    );
  }

  return (
    <Card
      title={t('calendar.editor.title', { year })}
      extra={dirty && <Tag color="orange">{t('calendar.editor.unsaved')}</Tag>}
      data-testid="calendar-editor"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.editor.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<CalendarValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!editable || save.isPending}
        requiredMark={false}
      >
        <Typography.Text strong>{t('calendar.field.holidays')}</Typography.Text>
        <Form.List name="holidays">
          {(rows, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }} data-testid="holiday-rows">
              {rows.map((row) => (
                <Flex key={row.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[row.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('calendar.error.name_empty') }]}
                    style={{ width: 120, marginBottom: 12 }}
                  >
                    <Input
                      placeholder={t('calendar.field.holidayName')}
                      maxLength={50}
                      aria-label={t('calendar.field.holidayName')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'range']}
                    rules={[
                      {
                        validator: async (_: unknown, value: HolidayRow['range']) => {
                          if (!value?.[0] || !value[1]) throw new Error(t('calendar.error.range_required'));
                        },
                      },
                    ]}
                    style={{ flex: 1, marginBottom: 12 }}
                  >
                    <DatePicker.RangePicker
                      style={{ width: '100%' }}
                      disabledDate={outsideYear}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)]}
                      placeholder={[t('calendar.field.from'), t('calendar.field.to')]}
                    />
                  </Form.Item>
                  {editable && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                      aria-label={t('common.delete')}
                    />
                  )}
                </Flex>
              ))}
              {editable && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '' })}
                  data-testid="holiday-add"
                >
                  {t('calendar.editor.addHoliday')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="makeUpWorkdays"
          label={t('calendar.field.makeUpWorkdays')}
          extra={t('calendar.field.makeUpHelp')}
          dependencies={['holidays']}
          rules={[makeUpRule]}
          style={{ marginTop: 20 }}
        >
          <DatePicker
            multiple
            style={{ width: '100%' }}
            disabledDate={(day) =>
              outsideYear(day) || (dayOfWeek(day.format(DATE)) !== 0 && dayOfWeek(day.format(DATE)) !== 6)
            }
            defaultPickerValue={dayjs(`${year}-01-01`)}
            data-testid="make-up-days"
          />
        </Form.Item>
        <Form.Item name="source" label={t('calendar.field.source')}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('calendar.field.sourcePlaceholder')} />
        </Form.Item>
        {editable && (
          <Flex gap={8} justify="flex-end">
            <Button icon={<UndoOutlined />} disabled={!dirty || save.isPending} onClick={() => form.resetFields()}>
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={() => void onSave()}
              loading={save.isPending}
              disabled={!dirty && calendar.configured}
              data-testid="calendar-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Form>
    </Card>
  );
}
