import { PageHeader } from '@/components/page-header';
import { SigningKeysCard } from '@/features/signing-keys/components/signing-keys-card';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { ReadOnlyTag } from './read-only-tag';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages);

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
