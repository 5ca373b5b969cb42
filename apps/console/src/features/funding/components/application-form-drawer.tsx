import { Alert, Button, Divider, Drawer, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormError } from '@/components/form-shell';
import { registerMessages, useI18n } from '@/lib/i18n';
import type { FundingApplication, FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { AboutSection } from './application-form/about-section';
import { DraftRules } from './application-form/draft-rules';
import { MoneySection } from './application-form/money-section';
import { useApplicationSubmit } from './application-form/use-application-submit';
import { useDraftChecks } from './application-form/use-draft-checks';
import { type ApplicationFormValues, initialValues } from './application-form/values';
import { AttachmentsEditor } from './attachments';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

interface ApplicationFormDrawerProps {
  program: FundingProgram;
  /** The societies the officer speaks for. */
  societies: { id: string; name: string }[];
  /** Absent: start a new draft. */
  application?: FundingApplication;
  onClose: () => void;
}

/** A society's application to a call, as a draft it can save until it submits: sections in `application-form/`. */
export function ApplicationFormDrawer({ program, societies, application, onClose }: ApplicationFormDrawerProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApplicationFormValues>();
  const [initial] = useState(() => initialValues(application, societies));
  /** The rules speak up once the reader has changed something (or at once for a saved draft). */
  const [touched, setTouched] = useState(application !== undefined);
  const checks = useDraftChecks(form, initial, program, touched);
  const { submit, submitting, stale, formError } = useApplicationSubmit(form, program, societies, application, onClose);

  return (
    <Drawer
      open
      size={880}
      title={
        application
          ? t('funding.application.editTitle', { title: application.title })
          : t('funding.application.createTitle', { program: program.name })
      }
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="application-drawer"
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type="secondary">{t('funding.application.draftHint')}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submitting}
              disabled={stale}
              onClick={() => {
                setTouched(true);
                form.submit();
              }}
              data-testid="application-save"
            >
              {t('funding.application.saveDraft')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {stale && <Alert type="warning" showIcon title={t('funding.application.stale')} style={{ marginBottom: 16 }} />}
      <FormError error={formError} testId="application-form-error" />
      <Form<ApplicationFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initial}
        onValuesChange={() => setTouched(true)}
        onFinish={submit}
      >
        <AboutSection
          program={program}
          societies={societies}
          chooseSociety={!application && societies.length > 1}
          live={checks.live}
        />
        <MoneySection checks={checks} />
        <DraftRules checks={checks} />
        <Divider titlePlacement="start" plain>
          {t('funding.application.field.attachments')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('funding.attachments.help')}
        </Typography.Paragraph>
        <AttachmentsEditor />
      </Form>
    </Drawer>
  );
}
