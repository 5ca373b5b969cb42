import { localToday, PROGRAM_STATUSES } from '@society-hub/domain';
import { Alert, Col, Descriptions, Flex, Row, Spin, Steps, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Card } from '@/components/card';
import { policies } from '@/lib/authorization';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useRanking } from '../api/decisions';
import type { FundingProgram, ProgramCategory, ProgramStatus, RubricCriterion } from '../api/types';
import { useFundingLabels } from './labels';
import { Yuan } from './money';

const BudgetChart = lazy(async () => ({ default: (await import('./budget-chart')).BudgetChart }));

/** What staff do next at each stage, in a sentence. */
const NEXT: Record<ProgramStatus, MessageKey> = {
  draft: 'funding.next.draft',
  open: 'funding.next.open',
  closed: 'funding.next.closed',
  reviewing: 'funding.next.reviewing',
  deciding: 'funding.next.deciding',
  notice: 'funding.next.notice',
  finalised: 'funding.next.finalised',
};

export function ProgramOverview({ program }: { program: FundingProgram }) {
  const { t, language } = useI18n();
  const labels = useFundingLabels();
  const user = useCurrentUser();
  const staff = policies.viewFundingReview(user);
  /** Money is committed from the decision on: before that there is nothing allocated to show. */
  const decided = staff && ['deciding', 'notice', 'finalised'].includes(program.status);
  const ranking = useRanking(program.id, undefined, decided);
  const today = localToday();

  const allocatedIn = useMemo(() => {
    const byCode = new Map<string, number>();
    for (const c of ranking.data?.ranking.categories ?? []) byCode.set(c.categoryCode, c.committedFen);
    return byCode;
  }, [ranking.data]);
  const bars = useMemo(
    () =>
      program.categories.map((c) => ({
        name: c.name,
        budgetFen: c.budgetFen,
        allocatedFen: allocatedIn.get(c.code) ?? 0,
      })),
    [program.categories, allocatedIn],
  );
  const committed = ranking.data?.ranking.committedFen ?? 0;
  const current = PROGRAM_STATUSES.indexOf(program.status);
  const notice =
    program.noticeStartsOn && program.noticeEndsOn
      ? t('funding.program.windowRange', { from: program.noticeStartsOn, to: program.noticeEndsOn })
      : null;

  return (
    <Flex vertical gap={16} data-testid="program-overview">
      <Steps
        size="small"
        current={current}
        status={program.status === 'finalised' ? 'finish' : 'process'}
        items={PROGRAM_STATUSES.map((status) => ({ title: labels.programStatus(status) }))}
        style={{ padding: '8px 0' }}
      />
      {staff && (
        <Alert
          type={program.status === 'finalised' ? 'success' : 'info'}
          showIcon
          title={t(NEXT[program.status], {
            opens: program.opensOn,
            closes: program.closesOn,
            noticeEnds: program.noticeEndsOn ?? '',
            reviewers: program.reviewersPerApplication,
          })}
          data-testid="program-next"
        />
      )}
      {program.status === 'notice' && notice && (
        <Alert
          type="warning"
          showIcon
          title={t(
            program.noticeEndsOn && today > program.noticeEndsOn
              ? 'funding.notice.ended'
              : program.noticeStartsOn && today < program.noticeStartsOn
                ? 'funding.notice.upcoming'
                : 'funding.notice.running',
            { period: notice, days: program.noticeWorkingDays },
          )}
          data-testid="notice-period"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'year', label: t('funding.program.field.year'), children: program.year },
          {
            key: 'window',
            label: t('funding.program.field.window'),
            children: t('funding.program.windowRange', { from: program.opensOn, to: program.closesOn }),
          },
          {
            key: 'total',
            label: t('funding.program.field.totalBudget'),
            children: <Yuan fen={program.totalBudgetFen} strong />,
          },
          {
            key: 'scoring',
            label: t('funding.program.field.scoringMethod'),
            children: labels.scoringMethod(program.scoringMethod),
          },
          {
            key: 'strategy',
            label: t('funding.program.field.strategy'),
            children: labels.strategy(program.allocationStrategy),
          },
          {
            key: 'minimum',
            label: t('funding.program.field.minimumScore'),
            children: program.minimumScore,
          },
          {
            key: 'reviewers',
            label: t('funding.program.field.reviewers'),
            children: t('funding.program.reviewersCount', { n: program.reviewersPerApplication }),
          },
          {
            key: 'noticeDays',
            label: t('funding.program.field.noticeDays'),
            children: t('funding.program.noticeDaysCount', { n: program.noticeWorkingDays }),
          },
          {
            key: 'notice',
            label: t('funding.program.field.notice'),
            children: notice ?? <Typography.Text type="secondary">{t('funding.program.noticeNotYet')}</Typography.Text>,
          },
          {
            key: 'multiple',
            label: t('funding.program.field.allowMultiple'),
            children: program.allowMultiplePerCategory ? t('common.yes') : t('funding.program.onePerCategory'),
          },
          ...(program.description
            ? [
                {
                  key: 'description',
                  label: t('funding.program.field.description'),
                  span: 3,
                  children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{program.description}</Typography.Text>,
                },
              ]
            : []),
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={staff ? 14 : 16}>
          <Card size="small" title={t('funding.program.section.categories')}>
            <Table<ProgramCategory>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={program.categories}
              columns={[
                { title: t('funding.category.name'), dataIndex: 'name' },
                {
                  title: t('funding.category.cap'),
                  key: 'cap',
                  align: 'right',
                  render: (_, c) => <Yuan fen={c.capFen} />,
                },
                {
                  title: t('funding.category.budget'),
                  key: 'budget',
                  align: 'right',
                  render: (_, c) => <Yuan fen={c.budgetFen} />,
                },
                ...(decided
                  ? [
                      {
                        title: t('funding.category.allocated'),
                        key: 'allocated',
                        align: 'right' as const,
                        render: (_: unknown, c: ProgramCategory) => <Yuan fen={allocatedIn.get(c.code) ?? 0} />,
                      },
                    ]
                  : []),
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('funding.category.sumLabel')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} />
                  <Table.Summary.Cell index={2} align="right">
                    <Yuan fen={program.categories.reduce((s, c) => s + c.budgetFen, 0)} strong />
                  </Table.Summary.Cell>
                  {decided && (
                    <Table.Summary.Cell index={3} align="right">
                      <Yuan fen={committed} strong />
                    </Table.Summary.Cell>
                  )}
                </Table.Summary.Row>
              )}
              data-testid="program-categories"
            />
          </Card>
        </Col>
        <Col xs={24} xl={staff ? 10 : 8}>
          <Card size="small" title={t('funding.program.section.rubric')}>
            <Table<RubricCriterion>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={program.rubric}
              columns={[
                { title: t('funding.rubric.name'), dataIndex: 'name' },
                {
                  title: t('funding.rubric.weight'),
                  dataIndex: 'weight',
                  align: 'right',
                  width: 90,
                },
              ]}
              footer={() => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('funding.rubric.firstHelp')}
                </Typography.Text>
              )}
            />
          </Card>
        </Col>
      </Row>
      {staff && (
        <Card size="small" title={decided ? t('funding.chart.title') : t('funding.chart.budgetTitle')}>
          <Suspense
            fallback={
              <Flex justify="center" align="center" style={{ height: 280 }}>
                <Spin />
              </Flex>
            }
          >
            <BudgetChart
              bars={bars}
              budgetLabel={t('funding.chart.budget')}
              allocatedLabel={decided ? t('funding.chart.allocated') : null}
              language={language}
            />
          </Suspense>
        </Card>
      )}
    </Flex>
  );
}
