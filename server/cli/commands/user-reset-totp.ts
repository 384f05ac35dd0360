import { usernameSchema } from '../../../contracts/accounts';
import { findUserByUsername } from '../../core/access/account-repository';
import { resetSecondFactor } from '../../core/access/account-service';
import { inTransaction, type Deps } from '../../core/context';
import { AppError, invalid } from '../../core/errors';
import type { Command } from '../command';
import { parseArguments, runUserCommand, type UserCommandIo } from './user-shared';

const usage = 'user reset-totp USERNAME';

/** `fazhi user reset-totp`: clears an administrator's TOTP second factor (lost authenticator); the next sign-in enrolls a new one. */
export async function runUserResetTotp(args: string[], io?: UserCommandIo, deps?: Deps): Promise<number> {
  return runUserCommand(
    usage,
    async (platformDeps) => {
      const { positionals } = parseArguments(args, []);
      if (positionals[0] === undefined) throw invalid('username', '缺少用户名 USERNAME');
      const parsed = usernameSchema.safeParse(positionals[0]);
      if (!parsed.success) throw invalid('username', parsed.error.issues[0]?.message ?? '用户名格式不正确');
      const user = await findUserByUsername(platformDeps.db, platformDeps.config.tenantCode, parsed.data);
      if (!user) throw new AppError('NOT_FOUND', `用户「${parsed.data}」不存在`, 'username');
      await inTransaction(platformDeps, null, (ctx) => resetSecondFactor(ctx, user.id));
      return `已重置用户 ${user.username} 的动态验证码，其会话已结束；下次登录时重新绑定验证器`;
    },
    io,
    deps,
  );
}

export const userResetTotpCommand: Command = {
  name: 'user reset-totp',
  usage,
  summary: '重置管理员的动态验证码（验证器丢失时；下次登录重新绑定）',
  run: (args) => runUserResetTotp(args),
};
