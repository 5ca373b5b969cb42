import { Alert, Button, Flex, Form } from 'antd';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import type { Society } from '../api/types';
import { creditCodeIssues } from './credit-code';
import { BasicSection } from './society-form/basic-section';
import { ContactSection } from './society-form/contact-section';
import { useCreditCodeRules } from './society-form/credit-code-rules';
import { LeadershipSection } from './society-form/leadership-section';
import { PartySection } from './society-form/party-section';
import { RegistrationSection } from './society-form/registration-section';
import { useSocietySubmit } from './society-form/use-society-submit';
import { type SocietyFormValues, toFormValues } from './society-form-values';

interface SocietyFormProps {
  /** Absent: create a new society. */
  society?: Society;
}

/** Creates a society or edits one: its sections are in `society-form/`. */
export function SocietyForm({ society }: SocietyFormProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<SocietyFormValues>();
  const canEditCreditCode = policies.editCreditCode(user);
  const canOverride = policies.overrideCreditCode(user);
  const canEditGrade = policies.editEvaluationGrade(user);
  const { submit, submitting, formError, setFormError, serverOverridable, setServerOverridable } = useSocietySubmit(
    form,
    society,
    { canEditCreditCode, canEditGrade },
  );
  const partyOrganisation = Form.useWatch('partyOrganisation', form) ?? society?.partyOrganisation ?? 'none';
  const evaluationGrade = Form.useWatch('evaluationGrade', form) ?? society?.evaluationGrade ?? null;
  const creditCode = Form.useWatch('creditCode', form) ?? society?.creditCode ?? '';
  const localOverridable = creditCodeIssues(creditCode).some((issue) => issue.overridable);
  const showOverride = canOverride && (localOverridable || serverOverridable);

  const creditCodeRules = useCreditCodeRules(form, canOverride);

  return (
    <Form<SocietyFormValues>
      form={form}
      layout="vertical"
      initialValues={
        society ? toFormValues(society) : { secretaryGeneralFullTime: 'unknown', partyOrganisation: 'none' }
      }
      onFinish={(values) => submit(values, showOverride)}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      onValuesChange={(changed: SocietyFormValues) => {
        if ('creditCode' in changed) setServerOverridable(false);
      }}
      scrollToFirstError={false}
      disabled={submitting}
      data-testid="society-form"
    >
      <Flex vertical gap={16}>
        {formError && (
          <Alert type="error" showIcon title={formError} closable onClose={() => setFormError(undefined)} />
        )}
        <BasicSection />

        <RegistrationSection
          creditCodeRules={creditCodeRules}
          canEditCreditCode={canEditCreditCode}
          showOverride={showOverride}
        />

        <LeadershipSection />

        <PartySection
          partyOrganisation={partyOrganisation}
          evaluationGrade={evaluationGrade}
          canEditGrade={canEditGrade}
        />

        <ContactSection />

        <Card
          size="small"
          style={{ position: 'sticky', bottom: 0, zIndex: 10, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        >
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate(society ? `/societies/${society.id}` : '/societies')} disabled={false}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="society-submit">
              {society ? t('society.form.submitSave') : t('society.form.submitCreate')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
