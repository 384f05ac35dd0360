import {
  accountFilterSchema,
  accountListQuerySchema,
  accountPageSchema,
  accountParamsSchema,
  accountSchema,
  createAccountInputSchema,
  passwordResetSchema,
  resetPasswordInputSchema,
  roleAssignmentParamsSchema,
  roleOnOrganizationSchema,
  securitySettingsSchema,
  securitySettingsViewSchema,
  updateAccountInputSchema,
} from '../../../contracts/accounts';
import { inTransaction, readContext, type Deps } from '../context';
import { presentAccount, presentSecuritySettings } from './account-presenters';
import {
  assignRole,
  createUser,
  exportAccounts,
  getAccount,
  listAccounts,
  removeRole,
  resetPassword,
  setAccountActive,
  resetSecondFactor,
  unlockAccount,
  updateAccount,
} from './account-service';
import { getSecuritySettings, updateSecuritySettings } from './security-settings-service';
import { type App, errors, security } from '../route-kit';

const tags = ['账号与角色'];
const securityTags = ['安全设置'];

/** Account and role management (system administrator), unlocking and security settings (security administrator). */
export function registerAccountRoutes(app: App, deps: Deps): Promise<void> {
  const now = () => deps.clock.now();

  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: '账号列表：按用户名或姓名搜索，按角色、组织、锁定状态筛选（系统管理员，限本辖范围）',
        security,
        querystring: accountListQuerySchema,
        response: { 200: accountPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listAccounts(readContext(deps, request.actor), request.query);
      return {
        items: page.records.map((record) => presentAccount(record, now())),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },
  );

  app.get(
    '/api/accounts/export',
    {
      schema: {
        tags,
        summary: '导出账号列表为 Excel（系统管理员）',
        description: '返回 .xlsx 文件（表头为中文）；导出本身记入审计日志。',
        security,
        querystring: accountFilterSchema,
      },
    },
    async (request, reply) => {
      const workbook = await inTransaction(deps, request.actor, (ctx) => exportAccounts(ctx, request.query));
      const filename = encodeURIComponent(`账号列表-${now().toISOString().slice(0, 10)}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="accounts.xlsx"; filename*=UTF-8''${filename}`)
        .send(workbook);
    },
  );

  app.get(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: '账号详情（系统管理员）',
        security,
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(await getAccount(readContext(deps, request.actor), request.params.id), now()),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: '新建账号（初始密码须在首次登录时修改）',
        security,
        body: createAccountInputSchema,
        response: { 201: accountSchema, ...errors },
      },
    },
    async (request, reply) => {
      const record = await inTransaction(deps, request.actor, (ctx) =>
        createUser(ctx, { ...request.body, mustChangePassword: true }),
      );
      return reply.status(201).send(presentAccount(record, now()));
    },
  );

  app.put(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: '编辑账号（姓名、关联人员）',
        security,
        params: accountParamsSchema,
        body: updateAccountInputSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(
        await inTransaction(deps, request.actor, (ctx) =>
          updateAccount(ctx, request.params.id, request.body),
        ),
        now(),
      ),
  );

  for (const [verb, isActive, summary] of [
    ['deactivate', false, '停用账号（账号不删除；其会话随即结束）'],
    ['activate', true, '重新启用账号'],
  ] as const) {
    app.post(
      `/api/accounts/:id/${verb}`,
      {
        schema: {
          tags,
          summary,
          security,
          params: accountParamsSchema,
          response: { 200: accountSchema, ...errors },
        },
      },
      async (request) =>
        presentAccount(
          await inTransaction(deps, request.actor, (ctx) =>
            setAccountActive(ctx, request.params.id, isActive),
          ),
          now(),
        ),
    );
  }

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（不填则生成随机密码，仅显示一次；用户须在下次登录时修改）',
        security,
        params: accountParamsSchema,
        body: resetPasswordInputSchema,
        response: { 200: passwordResetSchema, ...errors },
      },
    },
    async (request) => {
      const result = await inTransaction(deps, request.actor, (ctx) =>
        resetPassword(ctx, request.params.id, request.body.password),
      );
      return { account: presentAccount(result, now()), temporaryPassword: result.generatedPassword };
    },
  );

  app.post(
    '/api/accounts/:id/roles',
    {
      schema: {
        tags,
        summary: '分配角色（角色作用于该组织及其下级；三员互斥且不兼任业务角色）',
        security,
        params: accountParamsSchema,
        body: roleOnOrganizationSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(
        await inTransaction(deps, request.actor, (ctx) =>
          assignRole(ctx, { userId: request.params.id, ...request.body }),
        ),
        now(),
      ),
  );

  app.delete(
    '/api/accounts/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: '撤销角色',
        security,
        params: roleAssignmentParamsSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(
        await inTransaction(deps, request.actor, (ctx) =>
          removeRole(ctx, request.params.id, request.params.assignmentId),
        ),
        now(),
      ),
  );

  app.post(
    '/api/accounts/:id/unlock',
    {
      schema: {
        tags: securityTags,
        summary: '解锁账号（安全管理员）',
        security,
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(
        await inTransaction(deps, request.actor, (ctx) => unlockAccount(ctx, request.params.id)),
        now(),
      ),
  );

  app.post(
    '/api/accounts/:id/reset-second-factor',
    {
      schema: {
        tags: securityTags,
        summary: '重置管理员的动态验证码（安全管理员；下次登录重新绑定）',
        security,
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) =>
      presentAccount(
        await inTransaction(deps, request.actor, (ctx) => resetSecondFactor(ctx, request.params.id)),
        now(),
      ),
  );

  app.get(
    '/api/security/settings',
    {
      schema: {
        tags: securityTags,
        summary: '安全设置：密码策略、登录锁定、会话空闲超时（安全管理员）',
        security,
        response: { 200: securitySettingsViewSchema, ...errors },
      },
    },
    async (request) =>
      presentSecuritySettings(await getSecuritySettings(readContext(deps, request.actor)), deps.config),
  );

  app.put(
    '/api/security/settings',
    {
      schema: {
        tags: securityTags,
        summary: '修改安全设置（本级政府的安全管理员）',
        security,
        body: securitySettingsSchema,
        response: { 200: securitySettingsViewSchema, ...errors },
      },
    },
    async (request) =>
      presentSecuritySettings(
        await inTransaction(deps, request.actor, (ctx) => updateSecuritySettings(ctx, request.body)),
        deps.config,
      ),
  );
  return Promise.resolve();
}
