/** The portal's 双随机、一公开 pages: the published plans, one plan, and the check of a draw record. */
export const portalSpotcheckPaths = {
  plans: '/spotchecks',
  plan: (id: string) => `/spotchecks/plans/${id}`,
  verify: '/spotchecks/verify',
  /** the record as the server sends it for download (a file, not a page) */
  record: (id: string) => `/api/public/spotchecks/plans/${id}/record`,
} as const;
