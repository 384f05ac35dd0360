import { loadConfig } from '../../core/config';
import type { Deps } from '../../core/context';
import { AppError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { openPlatform } from '../../core/startup';

export interface UserCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: UserCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Splits `USERNAME --name 张三 --role officer` (or `--name=张三`) into positionals and options. */
export function parseArguments(
  args: string[],
  known: readonly string[],
): { positionals: string[]; options: Record<string, string> } {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    const name = rawName ?? '';
    if (!known.includes(name)) throw new AppError('VALIDATION_FAILED', `未知选项 --${name}`, name);
    const value = inlineValue ?? args[index + 1];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new AppError('VALIDATION_FAILED', `选项 --${name} 缺少取值`, name);
    }
    if (inlineValue === undefined) index += 1;
    options[name] = value;
  }
  return { positionals, options };
}

/**
 * Opens the configured database, runs the command and prints its answer on the first line. Bad
 * input exits 2 with a Chinese message and the usage; "not found" or "already exists" exits 1.
 */
export async function runUserCommand(
  usage: string,
  work: (deps: Deps) => Promise<string>,
  io: UserCommandIo = processIo,
  deps?: Deps,
): Promise<number> {
  try {
    if (deps) {
      io.stdout(`${await work(deps)}\n`);
      return 0;
    }
    const platform = await openPlatform(loadConfig(), { logger: createLogger('warn') });
    try {
      io.stdout(`${await work(platform.deps)}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      const field = error.field ? `（${error.field}）` : '';
      io.stderr(
        `${error.message}${field}\n${error.code === 'VALIDATION_FAILED' ? `用法：fazhi ${usage}\n` : ''}`,
      );
      return error.code === 'VALIDATION_FAILED' ? 2 : 1;
    }
    throw error;
  }
}
