import type { Messages } from '@/lib/i18n';

/**
 * The working-day calendar and its notice-period calculator.
 */
const zh = {
  'calendar.title': '工作日历',
  'calendar.description': '法定节假日与调休上班日。项目公示期按工作日计算，以此日历为准。',
  'calendar.year': '年份',
  'calendar.yearOption': '{year} 年',
  'calendar.prevYear': '上一年',
  'calendar.nextYear': '下一年',
  'calendar.notConfigured': '尚未录入 {year} 年的节假日安排，目前仅按周末计算工作日',
  'calendar.notConfiguredHint': '请依据国务院办公厅发布的当年部分节假日安排通知录入放假和调休日期。',
  'calendar.stat.workingDays': '全年工作日',
  'calendar.stat.holidays': '法定节假日放假',
  'calendar.stat.makeUp': '调休上班',
  'calendar.stat.dayUnit': '天',
  'calendar.stat.status': '录入状态',
  'calendar.stat.configured': '已录入',
  'calendar.stat.unconfigured': '未录入',
  'calendar.stat.updatedAt': '更新于 {at}',
  'calendar.stat.preview': '按未保存的修改计算',
  'calendar.grid.title': '{year} 年日历',
  'calendar.grid.weekdays': '一,二,三,四,五,六,日',
  'calendar.grid.off': '休',
  'calendar.grid.work': '班',
  'calendar.grid.holidayTitle': '{name}（放假）',
  'calendar.grid.makeUpTitle': '调休上班',
  'calendar.legend.holiday': '法定节假日（休）',
  'calendar.legend.makeUp': '调休上班（班）',
  'calendar.legend.weekend': '周末',
  'calendar.legend.working': '工作日',
  'calendar.legend.notice': '计入公示期的工作日',
  'calendar.weekday.0': '周日',
  'calendar.weekday.1': '周一',
  'calendar.weekday.2': '周二',
  'calendar.weekday.3': '周三',
  'calendar.weekday.4': '周四',
  'calendar.weekday.5': '周五',
  'calendar.weekday.6': '周六',
  'calendar.editor.title': '{year} 年放假安排',
  'calendar.editor.unsaved': '有未保存的修改',
  'calendar.editor.addHoliday': '添加节假日',
  'calendar.editor.saved': '已保存 {year} 年工作日历',
  'calendar.editor.fixErrors': '请按提示修改后再保存',
  'calendar.editor.conflict': '该年度日历已被他人修改，请重新加载后再编辑（未保存的修改将丢失）',
  'calendar.field.holidays': '法定节假日',
  'calendar.field.holidayName': '名称',
  'calendar.field.from': '放假开始',
  'calendar.field.to': '放假结束',
  'calendar.field.makeUpWorkdays': '调休上班日',
  'calendar.field.makeUpHelp': '因调休需要上班的周六、周日，可选多个日期。',
  'calendar.field.source': '依据',
  'calendar.field.sourcePlaceholder': '如：国务院办公厅关于2026年部分节假日安排的通知',
  'calendar.error.name_empty': '请填写节假日名称',
  'calendar.error.range_required': '请选择放假起止日期',
  'calendar.error.range_inverted': '结束日期早于开始日期',
  'calendar.error.date_invalid': '日期无效',
  'calendar.error.make_up_day_not_weekend': '{date} 本就是工作日，无需设为调休上班日',
  'calendar.error.duplicate': '{date} 重复',
  'calendar.error.holiday_and_make_up_day': '{date} 属于{name}假期，不能同时设为调休上班日',
  'calendar.error.other_year': '日期须在 {year} 年内',
  'calendar.calc.title': '公示期试算',
  'calendar.calc.description': '公示自发布日当天或之后的第一个工作日起算，连续计满所设工作日数。',
  'calendar.calc.from': '发布日期',
  'calendar.calc.workingDays': '公示时长',
  'calendar.calc.dayUnit': '个工作日',
  'calendar.calc.startsOn': '公示开始',
  'calendar.calc.endsOn': '公示结束',
  'calendar.calc.span': '时长',
  'calendar.calc.spanValue': '{working} 个工作日，跨 {natural} 个自然日',
  'calendar.calc.days': '计入的工作日',
  'calendar.calc.makeUp': '调休上班',
  'calendar.calc.empty': '请选择发布日期并填写公示时长',
  'calendar.calc.unconfigured': '公示期跨入 {year} 年，而该年度节假日尚未录入，跨年部分仅按周末计算。',
} as const;

export type CalendarKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    calendar: CalendarKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const calendarMessages = { zh, en: () => import('./messages.en') } satisfies Messages<CalendarKey>;
