/** The console pages of 裁量基准, 重大执法决定目录, 案卷评查 and 执法统计 (under 行政执法). */
export const oversightPaths = {
  discretion: '/admin/enforcement/discretion',
  majorRules: '/admin/enforcement/major-rules',
  caseReview: '/admin/enforcement/case-review',
  statistics: '/admin/enforcement/statistics',
} as const;
