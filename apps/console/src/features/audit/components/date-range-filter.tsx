import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { currentDay } from '@/lib/today';

/** The audit log's day range (China's calendar days, inclusive); no day after today. */
export function DateRangeFilter({
  from,
  to,
  placeholder,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  placeholder: [string, string];
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}) {
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      allowEmpty={[true, true]}
      placeholder={placeholder}
      disabledDate={(current) => current.isAfter(currentDay(), 'day')}
      onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
    />
  );
}
