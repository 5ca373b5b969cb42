import type { ActivityKind, AdvisoryLevel, AdvisoryOutcome } from './activities/activities';
import type { ExpertPool, MemberCategory, MemberStatus, TitleLevel } from './members/membership';
import type { Discipline, SocietyStatus, SocietyType } from './society';

/** Display names shared by the console and exports; the API itself speaks codes. */
export interface Label {
  zh: string;
  en: string;
}

export const societyTypeLabels: Record<SocietyType, Label> = {
  society: { zh: '学会', en: 'Society' },
  association: { zh: '协会', en: 'Association' },
  research_society: { zh: '研究会', en: 'Research society' },
};

export const disciplineLabels: Record<Discipline, Label> = {
  science: { zh: '理科', en: 'Science' },
  engineering: { zh: '工科', en: 'Engineering' },
  agriculture: { zh: '农科', en: 'Agriculture' },
  medicine: { zh: '医科', en: 'Medicine' },
  cross: { zh: '交叉', en: 'Cross-field' },
};

export const societyStatusLabels: Record<SocietyStatus, Label> = {
  preparing: { zh: '筹建', en: 'Preparing' },
  active: { zh: '正常', en: 'Active' },
  dormant: { zh: '停滞', en: 'Dormant' },
  disqualified: { zh: '解除资格', en: 'Disqualified' },
  deregistered: { zh: '注销', en: 'Deregistered' },
};

export const memberStatusLabels: Record<MemberStatus, Label> = {
  applied: { zh: '申请中', en: 'Applied' },
  active: { zh: '正常', en: 'Active' },
  rejected: { zh: '未通过', en: 'Rejected' },
  lapsed: { zh: '欠费失效', en: 'Lapsed' },
  suspended: { zh: '暂停', en: 'Suspended' },
  withdrawn: { zh: '退会', en: 'Withdrawn' },
};

export const memberCategoryLabels: Record<MemberCategory, Label> = {
  ordinary: { zh: '普通会员', en: 'Ordinary' },
  senior: { zh: '资深会员', en: 'Senior' },
  student: { zh: '学生会员', en: 'Student' },
  honorary: { zh: '荣誉会员', en: 'Honorary' },
};

export const titleLevelLabels: Record<TitleLevel, Label> = {
  senior: { zh: '正高级', en: 'Senior' },
  associate_senior: { zh: '副高级', en: 'Associate senior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  junior: { zh: '初级', en: 'Junior' },
  none: { zh: '无', en: 'None' },
};

export const expertPoolLabels: Record<ExpertPool, Label> = {
  science_technology: { zh: '科技专家库', en: 'Science & technology' },
  popularisation: { zh: '科普专家库', en: 'Popularisation' },
};

export const activityKindLabels: Record<ActivityKind, Label> = {
  academic_conference: { zh: '学术会议', en: 'Academic conference' },
  lecture: { zh: '学术报告、讲座', en: 'Lecture' },
  training: { zh: '培训', en: 'Training' },
  popularisation: { zh: '科普活动', en: 'Science popularisation' },
  advisory_report: { zh: '建言献策', en: 'Advisory report' },
  brand_event: { zh: '品牌活动', en: 'Brand event' },
  international_exchange: { zh: '国际交流', en: 'International exchange' },
  other: { zh: '其他', en: 'Other' },
};

export const advisoryOutcomeLabels: Record<AdvisoryOutcome, Label> = {
  instruction: { zh: '领导批示', en: 'Instruction' },
  adoption: { zh: '采纳', en: 'Adoption' },
};

export const advisoryLevelLabels: Record<AdvisoryLevel, Label> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  district: { zh: '区县级', en: 'District' },
};
