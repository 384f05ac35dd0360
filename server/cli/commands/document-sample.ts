import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command';
import { renderOfficialDocument } from '../../core/documents/official-document';
import { sampleDecision } from '../../core/documents/sample-decision';
import { AppError } from '../../core/errors';

const usage = 'document sample OUT.docx';

export const documentSampleCommand: Command = {
  name: 'document sample',
  usage,
  summary: '写出一份按 GB/T 9704-2012 排版的行政处罚决定书样例（.docx），可用 Word 或 WPS 打开查看',
  async run(args) {
    const out = args[0];
    if (out === undefined || !out.toLowerCase().endsWith('.docx'))
      throw new AppError('VALIDATION_FAILED', `请给出以 .docx 结尾的输出文件名\n用法：fazhi ${usage}`, 'out');
    const path = resolve(out);
    await writeFile(path, await renderOfficialDocument(sampleDecision));
    process.stdout.write(`${path}\n`);
    return 0;
  },
};
