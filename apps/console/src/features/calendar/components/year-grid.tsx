import { addCalendarDays, dayOfWeek, type HolidayCalendarData } from '@society-hub/domain';
import { Col, Flex, Row, Typography } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';

export const DAY_COLORS = {
  holiday: { background: '#fff1f0', border: '#ffa39e', color: '#cf1322' },
  makeUp: { background: '#fff7e6', border: '#ffd591', color: '#d46b08' },
  weekend: { background: '#fafafa', border: '#f0f0f0', color: '#8c8c8c' },
  notice: { outline: '#1d5fbf', background: '#e6f0ff' },
} as const;

type DayKind = 'holiday' | 'makeUp' | 'weekend' | 'working';

interface DayInfo {
  date: string;
  kind: DayKind;
  holiday?: string;
  inNotice: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The year as twelve small months, Monday first as Chinese calendars print them: holidays (休) in red,
 * make-up working days (调休, 班) in orange, weekends grey, and the notice period the calculator found
 * outlined. Each day's title explains it.
 */
export function YearGrid({
  year,
  data,
  noticeDays,
}: {
  year: number;
  data: HolidayCalendarData;
  /** The working days a trial notice counts, outlined. */
  noticeDays: ReadonlySet<string>;
}) {
  const { t, language } = useI18n();

  const months = useMemo(() => {
    const holidayOf = new Map<string, string>();
    for (const holiday of data.holidays) {
      if (holiday.from > holiday.to) continue;
      for (let day = holiday.from; day <= holiday.to; day = addCalendarDays(day, 1)) holidayOf.set(day, holiday.name);
    }
    const makeUp = new Set(data.makeUpWorkdays);
    return Array.from({ length: 12 }, (_, index) => {
      const month = index + 1;
      const first = `${year}-${pad(month)}-01`;
      // Monday = 0 … Sunday = 6.
      const lead = (dayOfWeek(first) + 6) % 7;
      const days: DayInfo[] = Array.from({ length: daysIn(year, month) }, (__, d) => {
        const date = `${year}-${pad(month)}-${pad(d + 1)}`;
        const weekday = dayOfWeek(date);
        const holiday = holidayOf.get(date);
        const kind: DayKind = makeUp.has(date)
          ? 'makeUp'
          : holiday
            ? 'holiday'
            : weekday === 0 || weekday === 6
              ? 'weekend'
              : 'working';
        const inNotice = noticeDays.has(date);
        return { date, kind, ...(holiday ? { holiday } : {}), inNotice };
      });
      return { month, lead, days };
    });
  }, [year, data, noticeDays]);

  const weekdays = t('calendar.grid.weekdays').split(',');

  function explain(day: DayInfo): string {
    const parts = [day.date];
    if (day.kind === 'holiday') parts.push(t('calendar.grid.holidayTitle', { name: day.holiday ?? '' }));
    if (day.kind === 'makeUp') parts.push(t('calendar.grid.makeUpTitle'));
    if (day.kind === 'weekend') parts.push(t('calendar.legend.weekend'));
    if (day.inNotice) parts.push(t('calendar.legend.notice'));
    return parts.join(' · ');
  }

  return (
    <Row gutter={[12, 12]} data-testid="year-grid">
      {months.map(({ month, lead, days }) => (
        <Col key={month} xs={24} sm={12} lg={8} xl={6}>
          <Card size="small" styles={{ body: { padding: 8 } }} data-testid={`month-${month}`}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6, paddingInlineStart: 2 }}>
              {language === 'zh'
                ? `${month}月`
                : new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })}
            </Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
              {weekdays.map((name, i) => (
                <div
                  key={name}
                  style={{ textAlign: 'center', fontSize: 11, color: i >= 5 ? '#bfbfbf' : '#8c8c8c', paddingBottom: 2 }}
                >
                  {name}
                </div>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <div key={`lead-${i}`} />
              ))}
              {days.map((day) => {
                const colors =
                  day.kind === 'holiday'
                    ? DAY_COLORS.holiday
                    : day.kind === 'makeUp'
                      ? DAY_COLORS.makeUp
                      : day.kind === 'weekend'
                        ? DAY_COLORS.weekend
                        : undefined;
                const mark =
                  day.kind === 'holiday'
                    ? t('calendar.grid.off')
                    : day.kind === 'makeUp'
                      ? t('calendar.grid.work')
                      : '';
                return (
                  <div
                    key={day.date}
                    title={explain(day)}
                    data-date={day.date}
                    data-kind={day.kind}
                    data-notice={day.inNotice || undefined}
                    style={{
                      position: 'relative',
                      height: 32,
                      borderRadius: 4,
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      fontSize: 12,
                      fontVariantNumeric: 'tabular-nums',
                      color: colors?.color ?? '#262626',
                      background:
                        day.inNotice && !colors ? DAY_COLORS.notice.background : (colors?.background ?? 'transparent'),
                      border: `1px solid ${colors?.border ?? 'transparent'}`,
                      boxShadow: day.inNotice ? `inset 0 0 0 2px ${DAY_COLORS.notice.outline}` : undefined,
                      fontWeight: day.kind === 'holiday' || day.kind === 'makeUp' ? 600 : undefined,
                    }}
                  >
                    {Number(day.date.slice(8))}
                    {mark && (
                      <span style={{ position: 'absolute', top: 1, right: 3, fontSize: 9, lineHeight: '10px' }}>
                        {mark}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Swatch({ style }: { style: CSSProperties }) {
  return <span style={{ display: 'inline-block', width: 16, height: 16, borderRadius: 3, ...style }} />;
}

/** What the colours of the grid mean. */
export function CalendarLegend() {
  const { t } = useI18n();
  return (
    <Flex gap={20} wrap align="center" data-testid="calendar-legend">
      <Flex gap={6} align="center">
        <Swatch
          style={{ background: DAY_COLORS.holiday.background, border: `1px solid ${DAY_COLORS.holiday.border}` }}
        />
        <Typography.Text>{t('calendar.legend.holiday')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        <Swatch style={{ background: DAY_COLORS.makeUp.background, border: `1px solid ${DAY_COLORS.makeUp.border}` }} />
        <Typography.Text>{t('calendar.legend.makeUp')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        <Swatch
          style={{ background: DAY_COLORS.weekend.background, border: `1px solid ${DAY_COLORS.weekend.border}` }}
        />
        <Typography.Text>{t('calendar.legend.weekend')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        <Swatch style={{ border: '1px solid #d9d9d9' }} />
        <Typography.Text>{t('calendar.legend.working')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        <Swatch
          style={{
            background: DAY_COLORS.notice.background,
            boxShadow: `inset 0 0 0 2px ${DAY_COLORS.notice.outline}`,
          }}
        />
        <Typography.Text>{t('calendar.legend.notice')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
