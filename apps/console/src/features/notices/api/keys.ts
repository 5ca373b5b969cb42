export const noticeKeys = {
  all: ['public-notices'] as const,
  list: () => [...noticeKeys.all, 'list'] as const,
};
