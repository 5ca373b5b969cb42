import { Alert, Button, Drawer, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormError } from '@/components/form-shell';
import { registerMessages, useI18n } from '@/lib/i18n';
import type { FundingProgram } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { BasicSection } from './program-form/basic-section';
import { CategoriesSection } from './program-form/categories-section';
import { RubricSection } from './program-form/rubric-section';
import { RulesSection } from './program-form/rules-section';
import { useProgramChecks } from './program-form/use-program-checks';
import { useProgramSubmit } from './program-form/use-program-submit';
import { initialValues, type ProgramFormValues } from './program-form/values';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

export type { ProgramFormValues } from './program-form/values';

interface ProgramFormDrawerProps {
  /** Absent: set up a new program. */
  program?: FundingProgram;
  onClose: () => void;
}

/** Sets up a funding call, or edits one: its sections are in `program-form/`. */
export function ProgramFormDrawer({ program, onClose }: ProgramFormDrawerProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProgramFormValues>();
  const [initial] = useState(() => initialValues(program));
  /** Once the call is open only the wording and a later close may change. */
  const locked = program !== undefined && program.status !== 'draft';
  const { settings, problems, live, listProblems } = useProgramChecks(form, initial, locked);
  const { submit, submitting, formError } = useProgramSubmit(form, program, onClose);

  return (
    <Drawer
      open
      size={1000}
      title={program ? t('funding.program.editTitle', { name: program.name }) : t('funding.program.createTitle')}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="program-drawer"
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text type={problems.length ? 'danger' : 'success'} data-testid="program-check-summary">
            {problems.length
              ? t('funding.program.problemCount', { n: problems.length })
              : t('funding.program.noProblems')}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="program-submit">
              {program ? t('society.form.submitSave') : t('funding.program.submitCreate')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <FormError error={formError} testId="program-form-error" />
      {locked && <Alert type="info" showIcon title={t('funding.program.lockedHint')} style={{ marginBottom: 16 }} />}
      <Form<ProgramFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initial}
        onFinish={(values) => submit(values, problems.length)}
        requiredMark="optional"
      >
        <BasicSection locked={locked} live={live} />
        <CategoriesSection locked={locked} live={live} settings={settings} listProblems={listProblems} />
        <RubricSection locked={locked} live={live} settings={settings} listProblems={listProblems} />
        <RulesSection locked={locked} live={live} />
      </Form>
    </Drawer>
  );
}
