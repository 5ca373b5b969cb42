import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { formatYuan } from '@society-hub/domain';
import { Flex, Typography } from 'antd';
import { Card } from '@/components/card';
import { type MessageKey, useI18n } from '@/lib/i18n';
import type { DraftChecks } from './use-draft-checks';

/** The three screening rules a society can satisfy while filling the form, with the problems that break each. */
const RULES: { code: 'category' | 'within_cap' | 'budget_balanced'; label: MessageKey; paths: RegExp }[] = [
  { code: 'category', label: 'funding.rule.category', paths: /^\/categoryCode/ },
  { code: 'within_cap', label: 'funding.rule.within_cap', paths: /^\/requestedFen/ },
  { code: 'budget_balanced', label: 'funding.rule.budget_balanced', paths: /^\/(budgetLines|selfFundedFen)/ },
];

/** Where the draft stands against the screening rules, each ticked or with what breaks it. */
export function DraftRules({ checks }: { checks: DraftChecks }) {
  const { t } = useI18n();
  const { category, problems, say, requestedFen, total } = checks;
  const okText = (code: (typeof RULES)[number]['code']) => {
    if (code === 'category') return t('funding.rule.category.ok', { name: category?.name ?? '' });
    if (code === 'within_cap') {
      return t('funding.screen.within_cap.ok', {
        requested: formatYuan(requestedFen),
        cap: formatYuan(category?.capFen ?? 0),
      });
    }
    return t('funding.rule.budget.ok', { total: formatYuan(total) });
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('funding.rule.title')} data-testid="draft-rules">
      <Flex vertical gap={6}>
        {RULES.map((rule) => {
          const failing = problems.filter((p) => rule.paths.test(p.path));
          const ok = failing.length === 0;
          return (
            <Flex
              key={rule.code}
              gap={8}
              align="baseline"
              data-testid={`rule-${rule.code}`}
              data-ok={ok ? 'yes' : 'no'}
            >
              {ok ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {t(rule.label)}
              </Typography.Text>
              <Typography.Text type={ok ? 'secondary' : 'danger'}>
                {ok ? okText(rule.code) : failing.map(say).join('；')}
              </Typography.Text>
            </Flex>
          );
        })}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('funding.rule.others')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
