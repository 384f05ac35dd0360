import { z } from 'zod';

/** Every role of DESIGN.md. A role is always held on an organization subtree. */
export const roles = [
  'officer',
  'agencyHead',
  'legalReviewer',
  'liaison',
  'justiceBureau',
  'leader',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
] as const;
export const roleSchema = z.enum(roles, { message: '角色不存在' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  officer: '执法人员',
  agencyHead: '执法机关负责人',
  legalReviewer: '法制审核人员',
  liaison: '部门联络员',
  justiceBureau: '司法局（法治政府建设领导小组办公室）',
  leader: '领导',
  systemAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '审计管理员',
};

/** 三员: the three administrator roles, kept apart (none may do another's work, nor hold another's role). */
export const administratorRoles = [
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
] as const satisfies readonly Role[];
export const isAdministratorRole = (role: Role) => (administratorRoles as readonly Role[]).includes(role);
