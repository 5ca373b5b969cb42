import { GlobalOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import {
  DISCIPLINES,
  type Discipline,
  disciplineLabels,
  SOCIETY_TYPES,
  type SocietyType,
  societyTypeLabels,
} from '@society-hub/domain';
import { Empty, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { CursorPager, DEFAULT_PAGE_SIZE, useCursorStack } from '@/components/cursor-pager';
import { QueryError } from '@/components/query-error';
import { useI18n } from '@/lib/i18n';
import { usePublicSocieties } from '../api/get-public-societies';
import type { PublicSociety } from '../api/types';

function Contact({ society }: { society: PublicSociety }) {
  const { t } = useI18n();
  const { person, phone, email } = society.contact;
  if (!person && !phone && !email && !society.website) {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={2} style={{ fontSize: 13 }}>
      {person && <span>{person}</span>}
      {phone && (
        <span>
          <PhoneOutlined style={{ marginInlineEnd: 6 }} />
          {phone}
        </span>
      )}
      {email && (
        <a href={`mailto:${email}`}>
          <MailOutlined style={{ marginInlineEnd: 6 }} />
          {email}
        </a>
      )}
      {society.website && (
        <a href={society.website} target="_blank" rel="noopener noreferrer nofollow">
          <GlobalOutlined style={{ marginInlineEnd: 6 }} />
          {society.website.replace(/^https?:\/\//, '')}
        </a>
      )}
    </Flex>
  );
}

/** The directory (学会名录): active societies, filtered and paged by cursor. */
export function SocietyDirectory() {
  const { t, label } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [type, setType] = useState<SocietyType>();
  const [discipline, setDiscipline] = useState<Discipline>();
  const [limit, setLimit] = useState(DEFAULT_PAGE_SIZE);
  const pager = useCursorStack(`${q}|${type ?? ''}|${discipline ?? ''}|${limit}`);
  const societies = usePublicSocieties({
    limit,
    ...(q ? { q } : {}),
    ...(type ? { type } : {}),
    ...(discipline ? { discipline } : {}),
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
  });

  const columns: TableColumnsType<PublicSociety> = [
    {
      title: t('directory.field.name'),
      key: 'name',
      render: (_, s) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Link to={`/directory/${s.id}`} style={{ fontWeight: 600 }} data-testid="directory-society-link">
            {s.name}
          </Link>
          {s.nameEn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.nameEn}
            </Typography.Text>
          )}
          {s.officeAddress && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.officeAddress}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('directory.field.kind'),
      key: 'kind',
      width: 170,
      render: (_, s) => (
        <Flex gap={4} wrap>
          <Tag style={{ marginInlineEnd: 0 }}>{label(societyTypeLabels[s.type])}</Tag>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {label(disciplineLabels[s.discipline])}
          </Tag>
          {s.evaluationGrade !== null && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {s.evaluationGrade}A
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('directory.field.supportingUnit'),
      key: 'unit',
      width: 180,
      render: (_, s) => s.supportingUnit ?? <Typography.Text type="secondary">{t('directory.noUnit')}</Typography.Text>,
    },
    { title: t('directory.field.contact'), key: 'contact', width: 250, render: (_, s) => <Contact society={s} /> },
  ];

  const page = societies.data;
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Flex gap={8} wrap style={{ padding: 16 }}>
        <Input.Search
          allowClear
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setQ(value.trim())}
          placeholder={t('directory.searchPlaceholder')}
          style={{ width: 280 }}
          data-testid="directory-search"
        />
        <Select<SocietyType>
          allowClear
          value={type}
          onChange={setType}
          placeholder={t('society.list.allTypes')}
          options={SOCIETY_TYPES.map((value) => ({ value, label: label(societyTypeLabels[value]) }))}
          style={{ width: 140 }}
        />
        <Select<Discipline>
          allowClear
          value={discipline}
          onChange={setDiscipline}
          placeholder={t('society.list.allDisciplines')}
          options={DISCIPLINES.map((value) => ({ value, label: label(disciplineLabels[value]) }))}
          style={{ width: 140 }}
          data-testid="directory-discipline"
        />
      </Flex>
      {societies.isError ? (
        <QueryError error={societies.error} onRetry={() => void societies.refetch()} />
      ) : (
        <Table<PublicSociety>
          rowKey="id"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={societies.isPending || societies.isPlaceholderData}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty description={t('directory.empty')} /> }}
          data-testid="directory-table"
        />
      )}
      <CursorPager
        pager={pager}
        nextCursor={page?.nextCursor}
        busy={societies.isPlaceholderData}
        limit={limit}
        onLimitChange={setLimit}
      />
    </Card>
  );
}
