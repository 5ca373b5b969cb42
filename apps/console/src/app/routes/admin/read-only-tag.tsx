import { EyeOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';

/** Tells an auditor why there are no buttons: the page is for reading only. */
export function ReadOnlyTag() {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (policies.manageAdministration(user)) return null;
  return (
    <Tooltip title={t('admin.readOnlyHint')}>
      <Tag icon={<EyeOutlined />} color="default" data-testid="read-only">
        {t('admin.readOnly')}
      </Tag>
    </Tooltip>
  );
}
