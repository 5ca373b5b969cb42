/** The interface's languages: Chinese, the default, and English. */
export type Language = 'zh' | 'en';
