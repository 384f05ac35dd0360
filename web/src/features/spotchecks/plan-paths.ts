/** The console pages of 抽查计划 and 抽查任务 (under 双随机、一公开). */
export const planPaths = {
  plans: '/admin/spotchecks/plans',
  newPlan: '/admin/spotchecks/plans/new',
  plan: (id: string) => `/admin/spotchecks/plans/${id}`,
  tasks: '/admin/spotchecks/tasks',
  /** the signed-in officer's own tasks */
  myTasks: '/admin/spotchecks/tasks?mine=true',
  task: (id: string) => `/admin/spotchecks/tasks/${id}`,
  /** the portal's page where anyone checks a downloaded draw record */
  portalVerify: '/spotchecks/verify',
} as const;
