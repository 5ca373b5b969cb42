import type { Messages } from '@/lib/i18n';

/**
 * Alliances of societies (学会联合体).
 */
const zh = {
  'alliance.title': '学会联合体',
  'alliance.description': '由牵头学会与成员学会组成的学会联合体。',
  'alliance.empty': '尚未组建学会联合体',
  'alliance.create': '新建联合体',
  'alliance.createTitle': '新建学会联合体',
  'alliance.editTitle': '编辑：{name}',
  'alliance.created': '已新建“{name}”',
  'alliance.saved': '已保存“{name}”',
  'alliance.deleteTitle': '解散“{name}”？',
  'alliance.deleteHint': '解散后该联合体记录将被删除，成员学会本身不受影响。',
  'alliance.deleted': '已解散“{name}”',
  'alliance.field.name': '名称',
  'alliance.field.lead': '牵头学会',
  'alliance.field.members': '成员学会',
  'alliance.field.memberCount': '成员数',
  'alliance.field.description': '简介',
  'alliance.leadHelp': '牵头学会自动列为成员',
  'alliance.namePlaceholder': '如：市智能制造学会联合体',
  'alliance.leadRequired': '请选择牵头学会',
  'alliance.error.name_taken': '该名称已被使用',
  'alliance.error.unknown_society': '所选学会不存在，可能已被删除',
} as const;

export type AlliancesKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    alliances: AlliancesKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const alliancesMessages = { zh, en: () => import('./messages.en') } satisfies Messages<AlliancesKey>;
