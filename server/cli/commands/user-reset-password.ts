import { usernameSchema } from '../../../contracts/accounts';
import { findUserByUsername } from '../../core/access/account-repository';
import { resetPassword } from '../../core/access/account-service';
import { inTransaction, type Deps } from '../../core/context';
import { AppError, invalid } from '../../core/errors';
import type { Command } from '../command';
import { parseArguments, runUserCommand, type UserCommandIo } from './user-shared';

const usage = 'user reset-password USERNAME [--password P]';

/** `fazhi user reset-password`: prints the new password on the first line; the user must change it at sign-in. */
export async function runUserResetPassword(args: string[], io?: UserCommandIo, deps?: Deps): Promise<number> {
  return runUserCommand(
    usage,
    async (platformDeps) => {
      const { positionals, options } = parseArguments(args, ['password']);
      if (positionals[0] === undefined) throw invalid('username', '缺少用户名 USERNAME');
      const parsed = usernameSchema.safeParse(positionals[0]);
      if (!parsed.success) throw invalid('username', parsed.error.issues[0]?.message ?? '用户名格式不正确');
      const user = await findUserByUsername(platformDeps.db, platformDeps.config.tenantCode, parsed.data);
      if (!user) throw new AppError('NOT_FOUND', `用户「${parsed.data}」不存在`, 'username');
      const result = await inTransaction(platformDeps, null, (ctx) =>
        resetPassword(ctx, user.id, options.password),
      );
      const password = result.generatedPassword ?? options.password ?? '';
      return `${password}\n已重置用户 ${user.username} 的密码，登录锁定已解除，其会话已结束；下次登录须修改密码`;
    },
    io,
    deps,
  );
}

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  usage,
  summary: '重置密码（不给 --password 时生成随机密码，第一行输出新密码）',
  run: (args) => runUserResetPassword(args),
};
