import type { Role } from '@society-hub/domain';
import { Badge, Tag } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

const roleColors: Record<Role, string> = {
  admin: 'blue',
  society_officer: 'cyan',
  reviewer: 'purple',
  auditor: 'gold',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <Tag color={roleColors[role]} style={{ marginInlineEnd: 0 }} data-testid="user-role" data-role={role}>
      {t(`role.${role}`)}
    </Tag>
  );
}

export function EnabledBadge({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Badge
      status={disabled ? 'default' : 'success'}
      text={disabled ? t('admin.status.disabled') : t('admin.status.enabled')}
      data-testid="account-status"
      data-disabled={String(disabled)}
    />
  );
}

/**
 * The API refuses two things on an account update, both as `rule_violation`: demoting or disabling your own
 * administrator account (checked first), and removing the last active administrator.
 */
export function useUserRuleMessage() {
  const { t } = useI18n();
  return (error: unknown, targetId: string, selfId: string): string | undefined => {
    if (!isApiError(error) || error.problem.code !== 'rule_violation') return undefined;
    return targetId === selfId ? t('user.rule.self') : t('user.rule.lastAdmin');
  };
}
