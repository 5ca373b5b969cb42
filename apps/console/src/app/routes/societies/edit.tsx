import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { useSociety } from '@/features/societies/api/get-society';
import { SocietyForm } from '@/features/societies/components/society-form';
import { societiesMessages } from '@/features/societies/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, societiesMessages);

export function SocietyEditRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <SocietyEdit id={id} />;
}

function SocietyEdit({ id }: { id: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const society = useSociety(id);

  if (!policies.editSociety(user, id)) return <Navigate to={`/societies/${id}`} replace />;

  const crumbs = [
    { title: t('nav.societies'), to: '/societies' },
    ...(society.data ? [{ title: society.data.name, to: `/societies/${id}` }] : []),
    { title: t('society.form.editTitle') },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={crumbs}
        title={society.data ? `${t('society.form.editTitle')} · ${society.data.name}` : t('society.form.editTitle')}
      />
      {society.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : society.isError ? (
        <Card>
          <QueryError
            error={society.error}
            onRetry={() => void society.refetch()}
            notFoundTitle={t('society.detail.notFound')}
          />
        </Card>
      ) : (
        // A newer version (after a 412 and reload) starts the form afresh from the server's values.
        <SocietyForm key={society.data.version} society={society.data} />
      )}
    </>
  );
}
