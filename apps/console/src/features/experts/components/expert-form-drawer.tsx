import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Flex, Form, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '@/components/form-shell';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { QueryError } from '@/components/query-error';
import { membersMessages, syncBirthDate } from '@/features/members';
import { registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { expertQueryOptions } from '../api/get-expert';
import type { Expert } from '../api/types';
import { expertsMessages } from '../messages';
import { PersonSection } from './expert-form/person-section';
import { PoolSection } from './expert-form/pool-section';
import { useExpertSubmit } from './expert-form/use-expert-submit';
import { type ExpertFormValues, initialValues } from './expert-form/values';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, membersMessages, expertsMessages, importWizardMessages);

interface ExpertFormDrawerProps {
  /** Absent: add a new expert. From the detail (the phone unmasked, the current version). */
  expert?: Expert;
  onClose: () => void;
  /** 412: the expert changed since it was loaded. */
  onConflict?: () => void;
}

/** Adds an expert, or changes one (PATCH with If-Match); the ID number is write-only either way. */
export function ExpertFormDrawer({ expert, onClose, onConflict }: ExpertFormDrawerProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExpertFormValues>();
  const { submit, submitting, formError } = useExpertSubmit(form, expert, onClose, onConflict);

  return (
    <Drawer
      open
      size={720}
      title={expert ? t('expert.editTitle', { name: expert.name }) : t('expert.addTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="expert-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="expert-submit">
            {expert ? t('society.form.submitSave') : t('society.form.submitCreate')}
          </Button>
        </Flex>
      }
    >
      <FormError error={formError} testId="expert-form-error" />
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initialValues(expert)}
        onValuesChange={(changed: ExpertFormValues) => syncBirthDate(form, changed)}
        onFinish={submit}
        data-testid="expert-form"
      >
        <PersonSection expert={expert} />
        <PoolSection />
      </Form>
    </Drawer>
  );
}

/**
 * Loads the expert afresh (the list masks the phone and may be stale) and opens the form on that one
 * snapshot: the values shown and the version sent with If-Match always belong together, so a change made
 * elsewhere meanwhile ends in 412 rather than being overwritten.
 */
export function ExpertEditDrawer({
  id,
  onClose,
  onConflict,
}: {
  id: string;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const expert = useQuery({ ...expertQueryOptions(id), refetchOnMount: 'always' });
  const [snapshot, setSnapshot] = useState<Expert>();
  const fresh = expert.isFetchedAfterMount ? expert.data : undefined;
  useEffect(() => {
    if (fresh) setSnapshot((current) => current ?? fresh);
  }, [fresh]);
  const shown = snapshot ?? fresh;
  if (shown) return <ExpertFormDrawer expert={shown} onClose={onClose} onConflict={onConflict} />;
  return (
    <Drawer open size={720} title={t('expert.editLoading')} onClose={onClose} data-testid="expert-drawer">
      {expert.isError ? (
        <QueryError error={expert.error} onRetry={() => void expert.refetch()} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </Drawer>
  );
}
