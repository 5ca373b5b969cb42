import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';

// Typography's colours, written out: antd's Typography (with Tooltip and an editor) is not loaded here.
export const TEXT = 'rgba(0, 0, 0, 0.88)';
export const SECONDARY = 'rgba(0, 0, 0, 0.45)';

/**
 * The frame of the pages around signing in (sign-in, choosing a new password): the brand over a
 * card on the blue backdrop, the language switch in the corner, and whatever goes below the card.
 */
export function AuthFrame({
  title,
  subtitle,
  children,
  below,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  below?: ReactNode;
}) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: 'linear-gradient(160deg, #eef3fb 0%, #dfe9f7 55%, #c9daf2 100%)',
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      {/* A card drawn by hand: antd's Card brings Tabs and Menu (for its tab list) into the sign-in page. */}
      <div
        style={{
          width: 400,
          maxWidth: '100%',
          padding: 24,
          background: '#ffffff',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          boxShadow: '0 8px 24px rgba(29,95,191,0.12)',
        }}
      >
        <Flex vertical align="center" gap={4} style={{ marginBottom: 28 }}>
          <BrandMark size={48} />
          <h3 style={{ margin: '12px 0 0', fontSize: 24, lineHeight: 1.3333, fontWeight: 600, color: TEXT }}>
            {title}
          </h3>
          <span style={{ color: SECONDARY }}>{subtitle}</span>
        </Flex>
        {children}
      </div>
      {below}
    </Flex>
  );
}
