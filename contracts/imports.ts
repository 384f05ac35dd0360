/** A large import (core mechanism 7): its outcome, and its progress while it runs. */
export interface ImportJobView {
  id: string;
  kind: string;
  fileName: string;
  /** running | done (every row written) | rejected (problems found; nothing written) | failed (cut off; nothing written) */
  status: 'running' | 'done' | 'rejected' | 'failed';
  /** while running: checking the rows, or writing them */
  phase: 'checking' | 'writing' | null;
  processedRows: number;
  /** known once the check is over */
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** the first 1,000 problems: row (header = 1), column, message */
  errors: { row: number; column: string; message: string }[];
  message: string | null;
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
}

export const importJobStatusLabels: Record<ImportJobView['status'], string> = {
  running: '导入中',
  done: '已完成',
  rejected: '有问题，未导入',
  failed: '已中断，未导入',
};
