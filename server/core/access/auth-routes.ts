import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  changePasswordInputSchema,
  currentUserSchema,
  okSchema,
  signInInputSchema,
  signInResultSchema,
  switchOrganizationInputSchema,
  totpEnrollInputSchema,
  type SignInResult,
} from '../../../contracts/accounts';
import { inTransaction, readContext, type Deps, type ServiceContext } from '../context';
import {
  absoluteSessionHours,
  changePassword,
  describeCurrentUser,
  enrollTotp,
  sessionCookieName,
  signIn,
  signOut,
  switchOrganization,
  type ClientInfo,
  type SignInOutcome,
} from './auth-service';
import { type App, errorShape } from '../route-kit';

const tags = ['登录与会话'];
const signInErrors = { 400: errorShape, 401: errorShape, 403: errorShape, 409: errorShape };
const sessionErrors = { 400: errorShape, 401: errorShape, 403: errorShape, 404: errorShape };

const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

/** The session cookie: HttpOnly so scripts cannot read it, SameSite=Lax against cross-site posts. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: absoluteSessionHours * 3600,
  });
}

/** Signs in (or takes the TOTP enrollment step) and commits the attempt's audit events before answering a refusal. */
async function answerSignIn(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  attempt: (ctx: ServiceContext) => Promise<SignInOutcome>,
): Promise<SignInResult> {
  const answer = await inTransaction(deps, null, async (ctx) => {
    const outcome = await attempt(ctx);
    if (outcome.kind !== 'signedIn') return { outcome, me: null };
    return { outcome, me: await describeCurrentUser({ ...ctx, actor: outcome.actor }) };
  });
  const { outcome, me } = answer;
  if (outcome.kind === 'refused') throw outcome.error;
  if (outcome.kind === 'totpEnrollment') {
    return {
      status: 'totpEnrollmentRequired',
      message: '管理员账号须绑定动态验证码：请用身份验证器应用扫描二维码或输入密钥，再提交生成的 6 位验证码',
      otpauthUri: outcome.otpauthUri,
      secret: outcome.secret,
    };
  }
  if (!me) throw new Error('signed in without a current user');
  setSessionCookie(request, reply, outcome.token);
  return { status: 'signedIn', mustChangePassword: outcome.mustChangePassword, me };
}

/** Sign-in, the administrators' TOTP enrollment, sign-out, the current user, switching organization, changing password. */
export function registerAuthRoutes(app: App, deps: Deps): Promise<void> {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: '登录（管理员须动态验证码）',
        description:
          '成功时设置 HttpOnly 的 fazhi_session Cookie。连续失败达到阈值（默认 5 次）锁定账号（默认 30 分钟）。三员账号首次登录返回动态验证码绑定步骤。',
        body: signInInputSchema,
        response: { 200: signInResultSchema, ...signInErrors },
      },
    },
    (request, reply) =>
      answerSignIn(deps, request, reply, (ctx) => signIn(ctx, request.body, clientOf(request))),
  );

  app.post(
    '/api/auth/totp/enroll',
    {
      schema: {
        tags,
        summary: '绑定动态验证码并完成管理员首次登录',
        body: totpEnrollInputSchema,
        response: { 200: signInResultSchema, ...signInErrors },
      },
    },
    (request, reply) =>
      answerSignIn(deps, request, reply, (ctx) => enrollTotp(ctx, request.body, clientOf(request))),
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: { tags, summary: '退出登录', security: [{ session: [] }], response: { 200: okSchema } },
    },
    async (request, reply) => {
      if (request.actor) await inTransaction(deps, request.actor, (ctx) => signOut(ctx));
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: '当前用户：角色、当前组织、可切换的组织',
        security: [{ session: [] }],
        response: { 200: currentUserSchema, 401: errorShape },
      },
    },
    (request) => describeCurrentUser(readContext(deps, request.actor)),
  );

  app.post(
    '/api/auth/switch-organization',
    {
      schema: {
        tags,
        summary: '切换当前组织（限本人角色范围内）',
        security: [{ session: [] }],
        body: switchOrganizationInputSchema,
        response: { 200: currentUserSchema, ...sessionErrors },
      },
    },
    (request) =>
      inTransaction(deps, request.actor, async (ctx) => {
        const actor = await switchOrganization(ctx, request.body.organizationId);
        return describeCurrentUser({ ...ctx, actor });
      }),
  );

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        tags,
        summary: '修改本人密码',
        description: '须符合密码策略；本人其他会话随之结束。',
        security: [{ session: [] }],
        body: changePasswordInputSchema,
        response: { 200: okSchema, ...sessionErrors },
      },
    },
    async (request) => {
      await inTransaction(deps, request.actor, (ctx) => changePassword(ctx, request.body));
      return { ok: true as const };
    },
  );
  return Promise.resolve();
}
