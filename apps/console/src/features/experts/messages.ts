import type { Messages } from '@/lib/i18n';

/**
 * The expert pools: the list, the expert form, the export and the expert import.
 */
const zh = {
  'expert.title': '专家库',
  'expert.description': '市科协科技专家库与科普专家库：入库专家须具有副高级及以上职称。',
  'expert.pool.science_technology': '科技专家库',
  'expert.pool.popularisation': '科普专家库',
  'expert.field.name': '姓名',
  'expert.field.pools': '入库类别',
  'expert.field.disciplines': '专业领域',
  'expert.field.titleLevel': '职称',
  'expert.field.employer': '工作单位',
  'expert.field.societies': '所属学会',
  'expert.field.available': '可参与评审',
  'expert.field.phone': '手机',
  'expert.field.email': '邮箱',
  'expert.field.gender': '性别',
  'expert.field.birthDate': '出生日期',
  'expert.field.idNumber': '身份证号',
  'expert.field.externalRef': '外部编号',
  'expert.add': '新增专家',
  'expert.addTitle': '新增专家',
  'expert.created': '已将“{name}”加入专家库',
  'expert.availableOn': '“{name}”可参与评审',
  'expert.availableOff': '“{name}”暂不参与评审',
  'expert.empty': '暂无专家',
  'expert.allPools': '全部专家库',
  'expert.allTitles': '全部职称',
  'expert.allAvailability': '全部',
  'expert.availableYes': '可参与评审',
  'expert.availableNo': '暂不参与',
  'expert.searchPlaceholder': '姓名或工作单位',
  'expert.disciplinePlaceholder': '输入后回车，可填多个',
  'expert.disciplineFilter': '专业领域',
  'expert.disciplinesRequired': '请至少填写一个专业领域',
  'expert.poolsRequired': '请至少选择一个专家库',
  'expert.seniorOnly': '入库专家须具有副高级及以上职称',
  'expert.error.already_expert': '该专家已在专家库中',
  'expert.error.external_ref_taken': '该外部编号已被其他专家使用',
  'expert.editTitle': '编辑专家：{name}',
  'expert.editLoading': '编辑专家',
  'expert.saved': '已保存“{name}”',
  'expert.form.sectionPerson': '基本信息',
  'expert.form.sectionPool': '入库信息',
  'expert.disciplinesTooMany': '最多填写 {n} 个专业领域',
  'expert.societiesHelp': '专家评审时将回避其所属学会的申报',
  'expert.externalRefHelp': '原系统中的专家编号；批量导入时据此匹配已有专家',
  'expert.export.button': '导出',
  'expert.export.xlsx': 'Excel 表格（.xlsx）',
  'expert.export.csv': 'CSV 文件（.csv）',
  'expert.export.done': '已导出“{name}”',
  'expert.export.all': '导出全部专家',
  'expert.export.filtered': '按当前筛选条件导出',
  'expertImport.title': '批量导入专家',
  'expertImport.description':
    '从 Excel 或 CSV 文件导入专家：按外部编号、其次按身份证号匹配已有专家，重复导入不会产生重复记录。',
  'expertImport.mapHint':
    '已根据表头自动对应，可按需调整。职称、专家库、是否可参与评审等中文值会自动转换；所属学会请填写学会全称，多个用“、”分隔。',
  'expertImport.toList': '返回专家库',
  'expertImport.societyNotFound': '找不到名为“{value}”的学会',
} as const;

export type ExpertsKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    experts: ExpertsKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const expertsMessages = { zh, en: () => import('./messages.en') } satisfies Messages<ExpertsKey>;
