import { Alert, Button, Form, Input, Modal, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/query-error';
import { SocietySelect } from '@/features/societies';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useDeclaration, usePutDeclaration } from '../api/declaration';
import type { DeclarationResult } from '../api/types';
import { reviewQueueMessages } from '../queue-messages';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(reviewQueueMessages);

interface DeclarationValues {
  societyIds: string[];
  note?: string;
}

interface DeclarationModalProps {
  programId: string;
  programName: string;
  onClose: () => void;
}

/**
 * 利益申报: the societies the reviewer must not review in this program. Saving gives up the assignments
 * the declaration puts in conflict (the server re-assigns them) and says how many there were.
 */
export function DeclarationModal({ programId, programName, onClose }: DeclarationModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<DeclarationValues>();
  const current = useDeclaration(programId);
  const save = usePutDeclaration();
  const [saved, setSaved] = useState<DeclarationResult>();

  const footer = saved
    ? [
        <Button key="close" type="primary" onClick={onClose} data-testid="declaration-done">
          {t('review.declaration.done')}
        </Button>,
      ]
    : undefined;

  return (
    <Modal
      open
      title={t('review.declaration.title', { program: programName })}
      width={620}
      okText={t('review.declaration.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: !current.data, 'data-testid': 'declaration-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      {saved ? (
        <Result
          status="success"
          title={t('review.declaration.saved')}
          subTitle={
            saved.recused > 0
              ? t('review.declaration.recused', { n: saved.recused })
              : t('review.declaration.noneRecused')
          }
          data-testid="declaration-result"
          data-recused={saved.recused}
        />
      ) : current.isError ? (
        <QueryError error={current.error} onRetry={() => void current.refetch()} />
      ) : !current.data ? (
        <Skeleton active />
      ) : (
        <>
          <Alert type="info" showIcon title={t('review.declaration.hint')} style={{ marginBottom: 16 }} />
          {save.isError && (
            <Alert type="error" showIcon title={problemMessage(save.error, i18n)} style={{ marginBottom: 16 }} />
          )}
          <Form<DeclarationValues>
            form={form}
            layout="vertical"
            disabled={save.isPending}
            initialValues={{ societyIds: current.data.societyIds, note: current.data.note ?? '' }}
            onFinish={(values) =>
              save.mutate(
                { programId, body: { societyIds: values.societyIds, note: values.note?.trim() || null } },
                { onSuccess: setSaved },
              )
            }
          >
            <Form.Item
              name="societyIds"
              label={t('review.declaration.societies')}
              extra={t('review.declaration.societiesHelp')}
            >
              <SocietySelect data-testid="declaration-societies" />
            </Form.Item>
            <Form.Item name="note" label={t('review.declaration.note')}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                showCount
                placeholder={t('review.declaration.notePlaceholder')}
                data-testid="declaration-note"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
