/** The console pages of 执法检查人员名录库 and 回避管理 (under 双随机、一公开). */
export const inspectorPaths = {
  inspectors: '/admin/spotchecks/inspectors',
  recusals: '/admin/spotchecks/recusals',
  /** the recusals of one inspector */
  recusalsOf: (personId: string, name: string) =>
    `/admin/spotchecks/recusals?personId=${personId}&name=${encodeURIComponent(name)}`,
} as const;
