import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { addCalendarDays, localToday, WorkingDayCalendar } from '@society-hub/domain';
import { Alert, Button, Col, Flex, Form, Row, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useCalendar } from '../api/get-calendar';
import type { CalendarYear } from '../api/types';
import { bodyOf, CalendarEditor, type CalendarValues, dataOf, valuesOf } from './calendar-editor';
import { computeNotice, NoticeCalculator } from './notice-calculator';
import { CalendarLegend, YearGrid } from './year-grid';

const DATE = 'YYYY-MM-DD';

function yearOf(raw: string | null, fallback: number): number {
  const year = Number(raw);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}

function countDays(year: number, test: (day: string) => boolean): number {
  let count = 0;
  for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addCalendarDays(day, 1)) if (test(day)) count += 1;
  return count;
}

/** The year shown: the editor on the form's current values, the grid, the count and the calculator on the same. */
function CalendarYearView({
  calendar,
  next,
  onReload,
}: {
  calendar: CalendarYear;
  next: CalendarYear | undefined;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const editable = policies.manageCalendar(user);
  const { year } = calendar;
  const [form] = Form.useForm<CalendarValues>();
  const initial = useMemo(() => valuesOf(calendar), [calendar]);
  const holidays = Form.useWatch('holidays', form);
  const makeUpWorkdays = Form.useWatch('makeUpWorkdays', form);
  const source = Form.useWatch('source', form);
  const watching = holidays !== undefined || makeUpWorkdays !== undefined || source !== undefined;
  const body = bodyOf(year, watching ? { holidays, makeUpWorkdays, source } : initial);
  const bodyKey = JSON.stringify(body);
  const dirty = bodyKey !== JSON.stringify(bodyOf(year, initial));

  const data = useMemo(() => dataOf(year, watching ? { holidays, makeUpWorkdays, source } : initial), [bodyKey]);
  const shown = useMemo(() => new WorkingDayCalendar(data), [data]);
  const withNext = useMemo(
    () =>
      new WorkingDayCalendar({
        holidays: [...data.holidays, ...(next?.holidays ?? [])],
        makeUpWorkdays: [...data.makeUpWorkdays, ...(next?.makeUpWorkdays ?? [])],
      }),
    [data, next],
  );
  const workingDays = useMemo(() => countDays(year, (day) => shown.isWorkingDay(day)), [year, shown]);
  const offDays = useMemo(() => {
    const off = new Set<string>();
    for (const holiday of data.holidays) {
      for (let day = holiday.from; day <= holiday.to; day = addCalendarDays(day, 1)) off.add(day);
    }
    return off.size;
  }, [data]);

  const today = localToday();
  const [calc, setCalc] = useState<{ from: Dayjs | null; workingDays: number | null }>({
    from: dayjs(today.startsWith(`${year}-`) ? today : `${year}-01-01`),
    workingDays: 5,
  });
  const notice = useMemo(() => {
    if (!calc.from || !calc.workingDays || calc.workingDays < 1) return undefined;
    try {
      return computeNotice(withNext, calc.from.format(DATE), calc.workingDays);
    } catch {
      return undefined;
    }
  }, [withNext, calc]);
  const crossesIntoUnconfigured =
    notice && notice.endsOn > `${year}-12-31` && next && !next.configured ? year + 1 : undefined;
  const noticeDays = useMemo(() => new Set(notice?.days ?? []), [notice]);
  const makeUpDays = useMemo(() => new Set([...data.makeUpWorkdays, ...(next?.makeUpWorkdays ?? [])]), [data, next]);

  return (
    <Flex vertical gap={16}>
      {!calendar.configured && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.notConfigured', { year })}
          description={editable ? t('calendar.notConfiguredHint') : undefined}
          data-testid="calendar-not-configured"
        />
      )}
      <Card size="small">
        <Row gutter={[24, 12]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('calendar.stat.workingDays')}
              value={workingDays}
              suffix={t('calendar.stat.dayUnit')}
              data-testid="working-days"
              data-value={workingDays}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('calendar.stat.holidays')} value={offDays} suffix={t('calendar.stat.dayUnit')} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('calendar.stat.makeUp')}
              value={data.makeUpWorkdays.length}
              suffix={t('calendar.stat.dayUnit')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {t('calendar.stat.status')}
            </Typography.Text>
            <Flex vertical gap={4} align="flex-start">
              {calendar.configured ? (
                <Tag color="success" style={{ marginInlineEnd: 0 }}>
                  {t('calendar.stat.configured')}
                </Tag>
              ) : (
                <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                  {t('calendar.stat.unconfigured')}
                </Tag>
              )}
              {calendar.updatedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('calendar.stat.updatedAt', { at: formatDateTime(calendar.updatedAt) })}
                </Typography.Text>
              )}
              {dirty && (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('calendar.stat.preview')}
                </Typography.Text>
              )}
            </Flex>
          </Col>
        </Row>
      </Card>
      <Card title={t('calendar.grid.title', { year })}>
        <Flex vertical gap={16}>
          <CalendarLegend />
          <YearGrid year={year} data={data} noticeDays={noticeDays} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={10}>
          <NoticeCalculator
            year={year}
            from={calc.from}
            workingDays={calc.workingDays}
            onChange={setCalc}
            result={notice}
            unconfiguredYear={crossesIntoUnconfigured}
            makeUpDays={makeUpDays}
          />
        </Col>
        <Col xs={24} xl={14}>
          <CalendarEditor
            calendar={calendar}
            initialValues={initial}
            form={form}
            editable={editable}
            dirty={dirty}
            onReload={onReload}
          />
        </Col>
      </Row>
    </Flex>
  );
}

export function CalendarPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const thisYear = Number(localToday().slice(0, 4));
  const year = yearOf(search.get('year'), thisYear);
  const current = useCalendar(year);
  const next = useCalendar(year + 1);

  function choose(value: number) {
    const params = new URLSearchParams(search);
    if (value === thisYear) params.delete('year');
    else params.set('year', String(value));
    setSearch(params, { replace: true });
  }

  const years = Array.from({ length: 6 }, (_, i) => thisYear - 2 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.calendar') }]}
        title={t('calendar.title')}
        subTitle={t('calendar.description')}
        extra={
          <Space.Compact>
            <Button
              icon={<LeftOutlined />}
              onClick={() => choose(year - 1)}
              disabled={year <= 2000}
              aria-label={t('calendar.prevYear')}
            />
            <Select<number>
              value={year}
              onChange={choose}
              options={years.map((value) => ({ value, label: t('calendar.yearOption', { year: value }) }))}
              style={{ width: 120 }}
              aria-label={t('calendar.year')}
              data-testid="calendar-year"
            />
            <Button
              icon={<RightOutlined />}
              onClick={() => choose(year + 1)}
              disabled={year >= 2100}
              aria-label={t('calendar.nextYear')}
            />
          </Space.Compact>
        }
      />
      {current.isError ? (
        <Card>
          <QueryError error={current.error} onRetry={() => void current.refetch()} />
        </Card>
      ) : !current.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <CalendarYearView
          key={`${year}:${current.data.version ?? 0}`}
          calendar={current.data}
          next={next.data}
          onReload={() => void current.refetch()}
        />
      )}
    </>
  );
}
