import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';

export function NotFoundRoute() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
