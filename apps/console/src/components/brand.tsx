import { Flex } from 'antd';
import { useI18n } from '@/lib/i18n';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#1d5fbf" />
      <path d="M16 6 5 11.5 16 17l9-4.5V19h2v-7.5z" fill="#fff" />
      <path d="M9 15.5V21c0 2 3.1 4 7 4s7-2 7-4v-5.5L16 19z" fill="#cfe0ff" />
    </svg>
  );
}

export function Brand({ inverted = false }: { inverted?: boolean }) {
  const { language } = useI18n();
  return (
    <Flex align="center" gap={10}>
      <BrandMark />
      {/* Not antd's Typography: the sign-in page shows BrandMark from this module without it. */}
      <span
        style={{
          fontSize: 18,
          fontWeight: 600,
          color: inverted ? '#fff' : 'rgba(0, 0, 0, 0.88)',
          whiteSpace: 'nowrap',
        }}
      >
        {language === 'zh' ? '学会通' : 'Society Hub'}
      </span>
    </Flex>
  );
}
