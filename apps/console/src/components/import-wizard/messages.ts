import type { Messages } from '@/lib/i18n';

/**
 * The import wizard: upload, column mapping, the check and the outcome (members and experts alike).
 */
const zh = {
  'import.title': '批量导入会员',
  'import.description':
    '从 Excel 或 CSV 文件导入会员：按外部编号、其次按身份证号匹配已有会员，重复导入不会产生重复记录。',
  'import.template': '下载模板',
  'import.step.upload': '上传文件',
  'import.step.map': '对应列',
  'import.step.check': '预检',
  'import.step.import': '导入',
  'import.step.summary': '结果',
  'import.upload.hint': '点击或拖拽文件到此处',
  'import.upload.formats': '支持 .xlsx 和 .csv，第一行为表头，最多 20000 行',
  'import.upload.parsing': '正在读取文件…',
  'import.upload.empty': '文件中没有数据行',
  'import.upload.failed': '无法读取该文件：{reason}',
  'import.upload.tooMany': '一次最多导入 {n} 行',
  'import.upload.loaded': '已读取“{file}”：{rows} 行，{columns} 列',
  'import.map.column': '文件中的列',
  'import.map.sample': '示例',
  'import.map.field': '对应字段',
  'import.map.ignore': '不导入',
  'import.map.required': '请为“{field}”指定一列',
  'import.map.duplicate': '“{field}”被指定了多次',
  'import.map.hint': '已根据表头自动对应，可按需调整。职称、性别、会员类别等中文值会自动转换。',
  'import.check.run': '开始预检',
  'import.check.running': '正在预检…',
  'import.check.summary': '可导入 {ok} 行，其中新增 {created}、更新 {updated}、无变化 {unchanged}；有错误 {error} 行',
  'import.check.errorsOnly': '只看有错误的行',
  'import.check.row': '行号',
  'import.check.outcome': '结果',
  'import.check.errors': '问题',
  'import.check.allBad': '所有行都有错误，请修改文件后重新上传',
  'import.run': '导入 {n} 行',
  'import.running': '正在导入，第 {batch}/{total} 批…',
  'import.done': '导入完成',
  'import.failed': '导入中断：{reason}',
  'import.downloadRejected': '下载未导入的行（{n}）',
  'import.again': '再导入一个文件',
  'import.toList': '返回会员列表',
  'import.reason': '未导入原因',
  'import.outcome.created': '新增',
  'import.outcome.updated': '更新',
  'import.outcome.unchanged': '无变化',
  'import.outcome.error': '错误',
  'import.unknownValue': '无法识别的值“{value}”',
  'import.badDate': '无法识别的日期“{value}”',
  'import.badBoolean': '无法识别的值“{value}”，请填写“是”或“否”',
  'import.badPhone':
    '电话号码“{value}”不正确：手机号应为 1 开头、第二位为 3–9 的 11 位数字，固定电话须带区号，如 010-12345678',
  'import.lostDigits': '“{value}”已被 Excel 存成数值并丢失了末尾几位，请把该列设为“文本”格式后重新填写',
} as const;

export type ImportWizardKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    'import-wizard': ImportWizardKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const importWizardMessages = { zh, en: () => import('./messages.en') } satisfies Messages<ImportWizardKey>;
