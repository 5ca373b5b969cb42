import { InputNumber, type InputNumberProps } from 'antd';

/** A yuan amount input: ¥ prefix, two decimals, thousands separators while not focused. */
export function YuanInput(props: Omit<InputNumberProps<string>, 'stringMode' | 'precision' | 'prefix'>) {
  return (
    <InputNumber<string>
      min="0"
      max="1000000000"
      step="100"
      style={{ width: '100%' }}
      {...props}
      stringMode
      precision={2}
      prefix="¥"
      formatter={(value, info) => {
        if (info.userTyping) return info.input;
        const text = value === undefined ? '' : String(value);
        if (text === '') return '';
        // Shown as ¥1,234.50 while not typing: thousands grouped, always two decimals.
        const [whole = '', cents = ''] = text.split('.');
        return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0').slice(0, 2)}`;
      }}
      parser={(text) => (text ?? '').replace(/[,¥\s]/g, '')}
    />
  );
}
