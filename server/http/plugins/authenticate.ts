import type { FastifyRequest } from 'fastify';
import { authenticateSession, sessionCookieName } from '../../core/access/auth-service';
import { effectiveIdleMinutes, loadSecuritySettings } from '../../core/access/security-settings-service';
import type { Deps } from '../../core/context';
import { AppError } from '../../core/errors';
import type { App } from '../build-app';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request carried a session that has ended for idleness or age: protected routes answer SESSION_EXPIRED. */
    sessionExpired: boolean;
  }
}

/** The session token from the `fazhi_session` cookie, or from `Authorization: Bearer` (API clients). */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim() || null;
  return request.cookies[sessionCookieName] ?? null;
}

/** Until he changes his password, a user may use only the sign-in and session routes. */
const allowedBeforePasswordChange = (url: string) => url.startsWith('/api/auth/');

/**
 * Loads the session of every API request into request.actor (and touches it). An ended session
 * leaves the request anonymous; a protected route then answers 401 SESSION_EXPIRED instead of
 * UNAUTHENTICATED, and the cookie is cleared.
 */
export function registerAuthentication(app: App, deps: Deps): void {
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = sessionTokenOf(request);
    if (!token) return;
    const check = await authenticateSession(deps, token, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    if (check.kind === 'active') {
      request.actor = check.actor;
      if (check.mustChangePassword && !allowedBeforePasswordChange(request.url)) {
        throw new AppError(
          'PASSWORD_CHANGE_REQUIRED',
          '请先修改密码（初始密码或已过期的密码须修改后才能继续使用）',
        );
      }
    } else if (check.kind === 'expired') {
      request.sessionExpired = true;
      reply.clearCookie(sessionCookieName, { path: '/' });
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.sessionExpired || reply.statusCode !== 401 || typeof payload !== 'string') return payload;
    if (!payload.includes('"UNAUTHENTICATED"')) return payload;
    const { settings } = await loadSecuritySettings(deps.db, deps.config.tenantCode);
    const idleMinutes = effectiveIdleMinutes(settings, deps.config);
    return JSON.stringify({
      code: 'SESSION_EXPIRED',
      message: `会话已结束（超过 ${idleMinutes} 分钟未操作或登录已满 12 小时），请重新登录`,
    });
  });
}
