import { Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Society } from '../api/types';
import { SocietyStatusTag, useSocietyLabels } from './labels';

function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

export function SocietyProfileView({ society }: { society: Society }) {
  const { t } = useI18n();
  const labels = useSocietyLabels();
  const none = <Muted>{t('common.none')}</Muted>;
  const value = (text: string | null) => text ?? none;

  const basic: DescriptionsProps['items'] = [
    { key: 'name', label: t('society.field.name'), children: society.name },
    { key: 'nameEn', label: t('society.field.nameEn'), children: value(society.nameEn) },
    { key: 'type', label: t('society.field.type'), children: labels.type(society.type) },
    { key: 'discipline', label: t('society.field.discipline'), children: labels.discipline(society.discipline) },
    { key: 'status', label: t('society.field.status'), children: <SocietyStatusTag status={society.status} /> },
    { key: 'foundedOn', label: t('society.field.foundedOn'), children: formatDate(society.foundedOn) },
  ];

  const registration: DescriptionsProps['items'] = [
    {
      key: 'creditCode',
      label: t('society.field.creditCode'),
      span: 2,
      children: society.creditCode ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text copyable style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>
            {society.creditCode}
          </Typography.Text>
          {society.creditCodeOverrideReason && <Tag color="warning">{t('society.detail.overridden')}</Tag>}
        </Flex>
      ) : (
        none
      ),
    },
    ...(society.creditCodeOverrideReason
      ? [
          {
            key: 'override',
            label: t('society.field.creditCodeOverrideReason'),
            span: 2,
            children: society.creditCodeOverrideReason,
          },
        ]
      : []),
    {
      key: 'supportingUnit',
      label: t('society.field.supportingUnit'),
      children: society.supportingUnit ?? <Muted>{t('society.noSupportingUnit')}</Muted>,
    },
  ];

  const fullTime =
    society.secretaryGeneralFullTime === null
      ? none
      : society.secretaryGeneralFullTime
        ? t('society.fullTime')
        : t('society.partTime');

  const officers = society.officers;
  /** The officer's name — the profile's, else the current roster's — with where it came from or how it disagrees. */
  const officer = (
    key: 'legalRepresentative' | 'chair' | 'secretaryGeneral',
    own: string | null,
    extra?: ReactNode,
  ) => {
    const standing = officers?.[key];
    const name = standing?.name ?? own;
    if (!name) return none;
    const term = officers?.termSequence ?? '';
    return (
      <Flex gap={8} align="center" wrap data-testid={`officer-${key}`}>
        {name}
        {extra}
        {standing?.source === 'roster' && <Tag color="blue">{t('society.officer.fromRoster', { term })}</Tag>}
        {standing?.source === 'roster_chair' && (
          <Tag color="blue">{t('society.officer.fromRosterChair', { term })}</Tag>
        )}
        {standing?.mismatch && (
          <Tag color="warning" data-testid={`officer-${key}-mismatch`}>
            {t('society.officer.mismatch', { term, name: standing.rosterName ?? '' })}
          </Tag>
        )}
      </Flex>
    );
  };

  const leadership: DescriptionsProps['items'] = [
    {
      key: 'legalRepresentative',
      label: t('society.field.legalRepresentative'),
      children: officer('legalRepresentative', society.legalRepresentative),
    },
    { key: 'chairName', label: t('society.field.chairName'), children: officer('chair', society.chairName) },
    {
      key: 'secretaryGeneralName',
      label: t('society.field.secretaryGeneralName'),
      children: officer(
        'secretaryGeneral',
        society.secretaryGeneralName,
        society.secretaryGeneralName && society.secretaryGeneralFullTime !== null ? <Tag>{fullTime}</Tag> : undefined,
      ),
    },
  ];

  const contact: DescriptionsProps['items'] = [
    { key: 'officeAddress', label: t('society.field.officeAddress'), span: 2, children: value(society.officeAddress) },
    { key: 'contactPerson', label: t('society.field.contactPerson'), children: value(society.contactPerson) },
    { key: 'contactPhone', label: t('society.field.contactPhone'), children: value(society.contactPhone) },
    { key: 'contactEmail', label: t('society.field.contactEmail'), children: value(society.contactEmail) },
    {
      key: 'website',
      label: t('society.field.website'),
      children: society.website ? (
        <Typography.Link href={society.website} target="_blank" rel="noopener noreferrer">
          {society.website}
        </Typography.Link>
      ) : (
        none
      ),
    },
  ];

  const record: DescriptionsProps['items'] = [
    { key: 'createdAt', label: t('society.field.createdAt'), children: formatDateTime(society.createdAt) },
    { key: 'updatedAt', label: t('society.field.updatedAt'), children: formatDateTime(society.updatedAt) },
  ];

  const common = {
    bordered: true,
    size: 'middle' as const,
    column: { xs: 1, sm: 1, md: 2 },
    styles: { label: { width: 180 } },
  };

  return (
    <Flex vertical gap={24} data-testid="society-profile">
      <Descriptions {...common} title={t('society.form.section.basic')} items={basic} />
      <Descriptions {...common} title={t('society.detail.section.registration')} items={registration} />
      <Descriptions {...common} title={t('society.detail.section.leadership')} items={leadership} />
      <Descriptions {...common} title={t('society.detail.section.contact')} items={contact} />
      <Descriptions {...common} title={t('society.detail.section.record')} items={record} />
    </Flex>
  );
}
