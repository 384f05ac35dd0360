import { commands } from './commands';
import { ConfigError } from '../core/config';
import { AppError } from '../core/errors';

const usage = `用法：fazhi <命令> [参数]

命令：
${commands.map((command) => `  ${command.usage.padEnd(44)} ${command.summary}`).join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name ? 0 : 1;
  }
  const words = [name, ...rest];
  // Longest match first: `user add` before `user`.
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((candidate) => candidate.name.split(' ').every((word, index) => words[index] === word));
  if (!command) {
    process.stderr.write(`未知命令：${words.join(' ')}\n\n${usage}`);
    return 2;
  }
  return command.run(words.slice(command.name.split(' ').length));
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof AppError && error.code === 'VALIDATION_FAILED' ? 2 : 1);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
