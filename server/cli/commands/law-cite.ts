import { isCivilDate } from '../../../contracts/calendar';
import type { Command } from '../command';
import { loadConfig } from '../../core/config';
import { readContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { todayOf } from '../../core/procedures/procedure-service';
import { openPlatform } from '../../core/startup';
import { resolveCitations } from '../../modules/law/law-service';

const usage = 'law cite "TEXT" [--date YYYY-MM-DD]';

/** TEXT and the --date option, or a Chinese refusal. */
function citeArguments(args: string[]): { text: string; date: string | null } {
  let date: string | null = null;
  const words: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index] ?? '';
    if (word === '--date' || word.startsWith('--date=')) {
      const value = word === '--date' ? args[(index += 1)] : word.slice('--date='.length);
      if (!value || !isCivilDate(value))
        throw new AppError(
          'VALIDATION_FAILED',
          `日期「${value ?? ''}」不是 YYYY-MM-DD 格式的有效日期`,
          'date',
        );
      date = value;
    } else words.push(word);
  }
  const text = words.join(' ').trim();
  if (!text) throw new AppError('VALIDATION_FAILED', `请填写要解析的引用文本\n用法：fazhi ${usage}`, 'text');
  return { text, date };
}

export const lawCiteCommand: Command = {
  name: 'law cite',
  usage,
  summary: '解析文字中的法条引用，按某日（默认今天）有效的版本给出条文；输出一行 JSON',
  async run(args) {
    const { text, date } = citeArguments(args);
    const config = loadConfig();
    const platform = await openPlatform(config, { logger: createLogger('warn') });
    try {
      const ctx = readContext(platform.deps, null);
      const result = await resolveCitations(ctx, text, date ?? todayOf(ctx));
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  },
};
