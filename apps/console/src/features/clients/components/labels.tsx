import { API_SCOPES, type ApiScope } from '@society-hub/domain';
import { Flex, Tag } from 'antd';
import { useI18n } from '@/lib/i18n';

export { API_SCOPES };

export function ScopeTags({ scopes }: { scopes: readonly ApiScope[] }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      {scopes.map((scope) => (
        <Tag
          key={scope}
          color={scope.endsWith(':write') ? 'orange' : 'geekblue'}
          style={{ marginInlineEnd: 0 }}
          title={scope}
        >
          {t(`scope.${scope}`)}
        </Tag>
      ))}
    </Flex>
  );
}
