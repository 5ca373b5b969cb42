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
