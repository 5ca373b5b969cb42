import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  title: ReactNode;
  to?: string;
}

interface PageHeaderProps {
  breadcrumb: Crumb[];
  title: ReactNode;
  tags?: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}

export function PageHeader({ breadcrumb, title, tags, subTitle, extra }: PageHeaderProps) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={breadcrumb.map((crumb) => ({
          title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
        }))}
      />
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Flex align="center" gap={12} wrap style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {subTitle && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {subTitle}
        </Typography.Paragraph>
      )}
    </div>
  );
}
