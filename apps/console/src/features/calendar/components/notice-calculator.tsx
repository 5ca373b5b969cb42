import { addCalendarDays, dayOfWeek, noticePeriod, type WorkingDayCalendar } from '@society-hub/domain';
import { Alert, DatePicker, Descriptions, type DescriptionsProps, Flex, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Card } from '@/components/card';
import { type MessageKey, useI18n } from '@/lib/i18n';

/** Sunday first, as `dayOfWeek` counts. */
const WEEKDAYS: readonly MessageKey[] = [
  'calendar.weekday.0',
  'calendar.weekday.1',
  'calendar.weekday.2',
  'calendar.weekday.3',
  'calendar.weekday.4',
  'calendar.weekday.5',
  'calendar.weekday.6',
];

export interface NoticeResult {
  startsOn: string;
  endsOn: string;
  days: string[];
}

/** The notice as the API computes it: from the first working day on or after `from`, `n` working days. */
export function computeNotice(calendar: WorkingDayCalendar, from: string, n: number): NoticeResult {
  const { startsOn, endsOn } = noticePeriod(calendar, from, n);
  const days: string[] = [];
  for (let day = startsOn; day <= endsOn; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  return { startsOn, endsOn, days };
}

function naturalDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

interface NoticeCalculatorProps {
  /** The year on screen: the notice starts in it. */
  year: number;
  from: Dayjs | null;
  workingDays: number | null;
  onChange: (next: { from: Dayjs | null; workingDays: number | null }) => void;
  result: NoticeResult | undefined;
  /** Set when the period runs into a year with no schedule entered (weekends only there). */
  unconfiguredYear?: number;
  makeUpDays: ReadonlySet<string>;
}

/** Staff check a notice length: start date + N working days → the end date, on the calendar shown. */
export function NoticeCalculator({
  year,
  from,
  workingDays,
  onChange,
  result,
  unconfiguredYear,
  makeUpDays,
}: NoticeCalculatorProps) {
  const { t } = useI18n();
  const weekday = (date: string) => {
    const key = WEEKDAYS[dayOfWeek(date)];
    return key ? t(key) : '';
  };
  const describe = (date: string) =>
    `${date}（${weekday(date)}${makeUpDays.has(date) ? `，${t('calendar.calc.makeUp')}` : ''}）`;

  const items: DescriptionsProps['items'] = result
    ? [
        {
          key: 'start',
          label: t('calendar.calc.startsOn'),
          children: <span data-testid="notice-starts-on">{describe(result.startsOn)}</span>,
        },
        {
          key: 'end',
          label: t('calendar.calc.endsOn'),
          children: (
            <Typography.Text strong data-testid="notice-ends-on" data-date={result.endsOn}>
              {describe(result.endsOn)}
            </Typography.Text>
          ),
        },
        {
          key: 'span',
          label: t('calendar.calc.span'),
          children: t('calendar.calc.spanValue', {
            working: result.days.length,
            natural: naturalDays(result.startsOn, result.endsOn),
          }),
        },
        {
          key: 'days',
          label: t('calendar.calc.days'),
          children: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {result.days.map((day) => dayjs(day).format('M/D')).join('、')}
            </Typography.Text>
          ),
        },
      ]
    : [];

  return (
    <Card title={t('calendar.calc.title')} data-testid="notice-calculator">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('calendar.calc.description')}
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('calendar.calc.from')} htmlFor="notice-from">
          <DatePicker
            id="notice-from"
            value={from}
            onChange={(value) => onChange({ from: value, workingDays })}
            allowClear={false}
            minDate={dayjs(`${year}-01-01`)}
            maxDate={dayjs(`${year}-12-31`)}
            data-testid="notice-from"
          />
        </Form.Item>
        <Form.Item label={t('calendar.calc.workingDays')} htmlFor="notice-days">
          <InputNumber<number>
            id="notice-days"
            min={1}
            max={60}
            precision={0}
            value={workingDays}
            onChange={(value) => onChange({ from, workingDays: value })}
            suffix={t('calendar.calc.dayUnit')}
            style={{ width: 120 }}
            data-testid="notice-days"
          />
        </Form.Item>
      </Form>
      {result ? (
        <Flex vertical gap={12}>
          <Descriptions size="small" bordered column={1} items={items} styles={{ label: { width: 120 } }} />
          {unconfiguredYear !== undefined && (
            <Alert type="warning" showIcon title={t('calendar.calc.unconfigured', { year: unconfiguredYear })} />
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('calendar.calc.empty')}</Typography.Text>
      )}
    </Card>
  );
}
