import type { Messages } from '@/lib/i18n';

/** Choosing a password (the change-password page, and the administrator's account forms): not loaded with the sign-in. */
const zh = {
  'password.title': '修改密码',
  'password.forced': '管理员已重置您的密码。请先设置只有您知道的新密码，然后才能继续使用。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.currentRequired': '请输入当前密码',
  'password.newRequired': '请输入新密码',
  'password.help': '至少 10 个字符，不能包含用户名',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '修改密码',
  'password.done': '密码已修改，其他设备上的登录已结束',
  'password.back': '返回',
  'password.signOut': '退出登录',
  'field.wrong_password': '当前密码不正确',
  'field.same_password': '新密码不能与当前密码相同',
  'field.contains_username': '密码不能包含用户名',
} as const;

export type PasswordKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    password: PasswordKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const passwordMessages = { zh, en: () => import('./password.en') } satisfies Messages<PasswordKey>;
