import {
  AimOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CurrentUser } from '../../../contracts/accounts';
import type { Role } from '../../../contracts/roles';
import { paths } from '../config/paths';
import { oversightPaths } from '../features/enforcement-oversight/oversight-paths';
import { inspectorPaths } from '../features/spotchecks/inspector-paths';
import { planPaths } from '../features/spotchecks/plan-paths';

/** Business roles read the org pages within their scope; the system administrator keeps the tree. */
const orgReaders: Role[] = [
  'officer',
  'agencyHead',
  'legalReviewer',
  'liaison',
  'justiceBureau',
  'leader',
  'systemAdmin',
];

/** Who works on enforcement cases or oversees them. */
const caseWorkers: Role[] = ['officer', 'agencyHead', 'legalReviewer', 'justiceBureau', 'leader'];
/** who reads the entity directory of random inspections */
const entityReaders: Role[] = [
  'justiceBureau',
  'liaison',
  'agencyHead',
  'officer',
  'legalReviewer',
  'leader',
];
/** the benchmarks and the major-decision catalogue are also kept by the department's liaison */
const enforcementRuleKeepers: Role[] = [...caseWorkers, 'liaison'];

export interface NavigationItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** null: every signed-in user */
  roles: Role[] | null;
  /** a group of pages: the item opens a submenu instead of a page */
  children?: NavigationItem[];
}

/** The console's menu; an item shows only to the roles whose work it is (the server decides anyway). */
export const navigation: NavigationItem[] = [
  { path: paths.console.home, label: '工作台', icon: <DashboardOutlined />, roles: null },
  { path: paths.console.organizations, label: '组织机构', icon: <ApartmentOutlined />, roles: orgReaders },
  { path: paths.console.people, label: '工作人员', icon: <TeamOutlined />, roles: orgReaders },
  { path: paths.console.certificates, label: '执法证件', icon: <IdcardOutlined />, roles: orgReaders },
  { path: paths.console.laws, label: '法规库', icon: <BookOutlined />, roles: null },
  {
    path: 'powers-group',
    label: '权责清单',
    icon: <ProfileOutlined />,
    roles: null,
    children: [
      { path: paths.console.powers, label: '清单查询', icon: null, roles: null },
      { path: paths.console.powerChangeSets, label: '动态调整', icon: null, roles: null },
      { path: paths.console.powerVersions, label: '版本与对比', icon: null, roles: null },
    ],
  },
  {
    path: 'enforcement-group',
    label: '行政执法',
    icon: <FileProtectOutlined />,
    roles: enforcementRuleKeepers,
    children: [
      { path: paths.console.enforcement, label: '办案工作台', icon: null, roles: caseWorkers },
      { path: paths.console.enforcementCases, label: '案件管理', icon: null, roles: caseWorkers },
      { path: oversightPaths.discretion, label: '裁量基准', icon: null, roles: enforcementRuleKeepers },
      {
        path: oversightPaths.majorRules,
        label: '重大执法决定目录',
        icon: null,
        roles: enforcementRuleKeepers,
      },
      { path: oversightPaths.caseReview, label: '案卷评查', icon: null, roles: ['justiceBureau', 'leader'] },
      { path: oversightPaths.statistics, label: '执法统计', icon: null, roles: caseWorkers },
    ],
  },
  {
    path: 'spotchecks-group',
    label: '双随机、一公开',
    icon: <AimOutlined />,
    roles: entityReaders,
    children: [
      { path: paths.console.spotcheckEntities, label: '检查对象名录库', icon: null, roles: entityReaders },
      { path: inspectorPaths.inspectors, label: '检查人员名录库', icon: null, roles: entityReaders },
      { path: inspectorPaths.recusals, label: '回避管理', icon: null, roles: entityReaders },
      { path: planPaths.plans, label: '抽查计划', icon: null, roles: entityReaders },
      { path: planPaths.tasks, label: '抽查任务', icon: null, roles: entityReaders },
    ],
  },
  { path: paths.console.accounts, label: '账号与角色', icon: <UserSwitchOutlined />, roles: ['systemAdmin'] },
  { path: paths.console.calendar, label: '节假日日历', icon: <CalendarOutlined />, roles: ['systemAdmin'] },
  { path: paths.console.security, label: '安全设置', icon: <SafetyOutlined />, roles: ['securityAdmin'] },
  { path: paths.console.audit, label: '审计日志', icon: <AuditOutlined />, roles: ['auditAdmin'] },
];

export const hasAnyRole = (me: CurrentUser, allowed: readonly Role[] | null) =>
  allowed === null || me.roles.some((held) => allowed.includes(held.role));

/** The menu as `me` sees it: the items and, in a group, the pages of his roles. */
export const navigationFor = (me: CurrentUser): NavigationItem[] =>
  navigation
    .filter((item) => hasAnyRole(me, item.roles))
    .map((item) =>
      item.children
        ? { ...item, children: item.children.filter((child) => hasAnyRole(me, child.roles)) }
        : item,
    );
