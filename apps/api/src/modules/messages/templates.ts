import type { Language, NotificationKind } from '@society-hub/domain';

/** The facts a message is written from; each kind uses its own. Links are absolute (PUBLIC_URL + path). */
export type TemplateVars = Readonly<Record<string, string>>;

export interface Rendered {
  /** The e-mail subject and the inbox title. */
  subject: string;
  /** The e-mail text and the inbox text. */
  body: string;
  /**
   * The parameters of the provider's approved SMS template for this kind: the template's wording is
   * fixed at the provider, so only these values travel (阿里云 TemplateParam).
   */
  smsParams: Record<string, string>;
}

type Text = (v: TemplateVars, association: string) => { subject: string; body: string };

function v(vars: TemplateVars, key: string): string {
  return vars[key] ?? '';
}

const ZH: Record<NotificationKind, Text> = {
  invitation: (x, a) => ({
    subject: `【${a}】邀请您使用学会通`,
    body: `${v(x, 'name')}，您好：\n\n${a}为您开通了学会通账号（用户名：${v(x, 'username')}）。请在 ${v(x, 'expiresAt')} 前打开以下链接设置密码：\n\n${v(x, 'link')}\n\n链接仅可使用一次。如非本人，请忽略本邮件。`,
  }),
  password_reset: (x, a) => ({
    subject: `【${a}】重置密码`,
    body: `您正在重置学会通密码。验证码：${v(x, 'code')}（${v(x, 'minutes')} 分钟内有效）。\n也可打开以下链接设置新密码：\n\n${v(x, 'link')}\n\n如非本人操作，请忽略，您的密码不会改变。`,
  }),
  contact_verification: (x, a) => ({
    subject: `【${a}】确认您的联系方式`,
    body: `您的验证码：${v(x, 'code')}（${v(x, 'minutes')} 分钟内有效）。如非本人操作，请忽略。`,
  }),
  review_assigned: (x, a) => ({
    subject: `【${a}】评审任务：${v(x, 'program')}`,
    body: `${v(x, 'name')}专家，您好：\n\n您被分配评审“${v(x, 'program')}”的申报项目“${v(x, 'application')}”，请于 ${v(x, 'deadline')} 前完成评审：\n\n${v(x, 'link')}`,
  }),
  annual_report_due: (x, a) => ({
    subject: `【${a}】${v(x, 'year')} 年度工作报告将于 ${v(x, 'dueOn')} 截止`,
    body: `${v(x, 'society')}：\n\n请于 ${v(x, 'dueOn')} 前提交 ${v(x, 'year')} 年度工作报告：\n\n${v(x, 'link')}`,
  }),
  annual_report_overdue: (x, a) => ({
    subject: `【${a}】${v(x, 'year')} 年度工作报告已逾期`,
    body: `${v(x, 'society')}：\n\n${v(x, 'year')} 年度工作报告已于 ${v(x, 'dueOn')} 截止，尚未提交，请尽快提交：\n\n${v(x, 'link')}`,
  }),
  application_returned: (x, a) => ({
    subject: `【${a}】申报未通过形式审查：${v(x, 'title')}`,
    body: `您的申报“${v(x, 'title')}”未通过形式审查。原因：${v(x, 'reason')}\n\n${v(x, 'link')}`,
  }),
  application_decided: (x, a) => ({
    subject: `【${a}】申报结果：${v(x, 'title')}`,
    body: `您的申报“${v(x, 'title')}”已有结果：${v(x, 'outcome')}。\n\n${v(x, 'link')}`,
  }),
  call_opened: (x, a) => ({
    subject: `【${a}】项目申报开始：${v(x, 'program')}`,
    body: `“${v(x, 'program')}”开始接受申报，截止日期 ${v(x, 'closesOn')}。\n\n${v(x, 'link')}`,
  }),
};

const EN: Record<NotificationKind, Text> = {
  invitation: (x, a) => ({
    subject: `${a}: your Society Hub account`,
    body: `Dear ${v(x, 'name')},\n\n${a} has opened a Society Hub account for you (username: ${v(x, 'username')}). Set your password before ${v(x, 'expiresAt')} at:\n\n${v(x, 'link')}\n\nThe link works once. If this is not for you, ignore this message.`,
  }),
  password_reset: (x, a) => ({
    subject: `${a}: reset your password`,
    body: `Your Society Hub password reset code is ${v(x, 'code')} (valid for ${v(x, 'minutes')} minutes).\nOr choose a new password at:\n\n${v(x, 'link')}\n\nIf you did not ask for this, ignore it: your password stays as it is.`,
  }),
  contact_verification: (x, a) => ({
    subject: `${a}: confirm your contact details`,
    body: `Your confirmation code is ${v(x, 'code')} (valid for ${v(x, 'minutes')} minutes). If you did not ask for this, ignore it.`,
  }),
  review_assigned: (x, a) => ({
    subject: `${a}: review assigned — ${v(x, 'program')}`,
    body: `Dear ${v(x, 'name')},\n\nYou are asked to review "${v(x, 'application')}" in "${v(x, 'program')}" by ${v(x, 'deadline')}:\n\n${v(x, 'link')}`,
  }),
  annual_report_due: (x, a) => ({
    subject: `${a}: the ${v(x, 'year')} annual report is due on ${v(x, 'dueOn')}`,
    body: `${v(x, 'society')}:\n\nPlease file the ${v(x, 'year')} annual report by ${v(x, 'dueOn')}:\n\n${v(x, 'link')}`,
  }),
  annual_report_overdue: (x, a) => ({
    subject: `${a}: the ${v(x, 'year')} annual report is overdue`,
    body: `${v(x, 'society')}:\n\nThe ${v(x, 'year')} annual report was due on ${v(x, 'dueOn')} and has not been filed. Please file it now:\n\n${v(x, 'link')}`,
  }),
  application_returned: (x, a) => ({
    subject: `${a}: application not admitted — ${v(x, 'title')}`,
    body: `Your application "${v(x, 'title')}" did not pass screening. Reason: ${v(x, 'reason')}\n\n${v(x, 'link')}`,
  }),
  application_decided: (x, a) => ({
    subject: `${a}: decision on ${v(x, 'title')}`,
    body: `Your application "${v(x, 'title')}" has been decided: ${v(x, 'outcome')}.\n\n${v(x, 'link')}`,
  }),
  call_opened: (x, a) => ({
    subject: `${a}: call open — ${v(x, 'program')}`,
    body: `"${v(x, 'program')}" is open for applications until ${v(x, 'closesOn')}.\n\n${v(x, 'link')}`,
  }),
};

/** What each kind's approved SMS template takes: short values only (the provider limits each to ~35 characters). */
const SMS_PARAMS: Record<NotificationKind, readonly string[]> = {
  invitation: ['name', 'username'],
  password_reset: ['code'],
  contact_verification: ['code'],
  review_assigned: ['program', 'deadline'],
  annual_report_due: ['year', 'dueOn'],
  annual_report_overdue: ['year', 'dueOn'],
  application_returned: ['title'],
  application_decided: ['title', 'outcome'],
  call_opened: ['program', 'closesOn'],
};

export function render(kind: NotificationKind, language: Language, vars: TemplateVars, association: string): Rendered {
  const text = (language === 'en' ? EN : ZH)[kind](vars, association);
  const smsParams = Object.fromEntries(SMS_PARAMS[kind].map((key) => [key, v(vars, key).slice(0, 35)]));
  return { ...text, smsParams };
}
