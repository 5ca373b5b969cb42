import { PageHeader } from '@/components/page-header';
import { SigningKeysCard } from '@/features/signing-keys/components/signing-keys-card';
import { useI18n } from '../../i18n';
import { ReadOnlyTag } from './read-only-tag';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/admin';

export function SettingsRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.settings') }]}
        title={t('nav.settings')}
        tags={<ReadOnlyTag />}
        subTitle={t('settings.description')}
      />
      <SigningKeysCard />
    </>
  );
}
