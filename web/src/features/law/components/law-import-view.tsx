import { FolderOpenOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useState } from 'react';
import {
  lawImportStatusLabels,
  type LawImportStatus,
  type LawImportView,
} from '../../../../../contracts/law';
import { showError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLawImport, useLawImports, useStartLawImport } from '../api/import-laws';

const statusColors: Record<LawImportStatus, string> = {
  running: 'processing',
  finished: 'green',
  failed: 'red',
};

const isLawFile = (name: string) => /\.(md|txt)$/i.test(name);

function ProblemList({ problems }: { problems: LawImportView['problems'] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {problems.map((problem) => (
        <li key={`${problem.file}-${problem.message}`}>
          <Typography.Text strong>{problem.file}</Typography.Text>：
          <Typography.Text type="danger">{problem.message}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function ImportProgress({ run }: { run: LawImportView }) {
  const percent = run.totalFiles ? Math.round((run.processedFiles / run.totalFiles) * 100) : 0;
  const isDone = run.status !== 'running';
  return (
    <Card size="small" title="本次导入" style={{ marginTop: 16 }} data-testid="law-import-progress">
      <Progress
        percent={isDone ? 100 : percent}
        status={run.status === 'failed' ? 'exception' : isDone ? 'success' : 'active'}
        format={() =>
          run.status === 'running'
            ? `${run.processedFiles}/${run.totalFiles}`
            : run.status === 'finished'
              ? '完成'
              : '失败'
        }
      />
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>
        {run.status === 'running'
          ? `正在导入：已处理 ${run.processedFiles} / ${run.totalFiles} 个文件…`
          : `导入${run.status === 'finished' ? '完成' : '失败'}：共 ${run.totalFiles} 个文件，新增或更新 ${run.importedVersions} 个版本（${run.importedArticles} 条条文），${run.unchangedVersions} 个版本与库中相同未变。`}
      </Typography.Paragraph>
      {run.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={`${run.problems.length} 个文件未能读取`}
          description={<ProblemList problems={run.problems} />}
        />
      ) : null}
    </Card>
  );
}

/**
 * 导入 (司法局、系统管理员): upload law texts (.md/.txt, several files or a folder); the server
 * imports them in the background and the progress is polled. A text already in the library is
 * recognized and left unchanged.
 */
export function LawImportView() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartLawImport();
  const current = useLawImport(importId);
  const runs = useLawImports();
  const isRunning = current.data?.status === 'running';

  /** Every picked file, kept by the page (antd only lists them); other kinds of file are left out. */
  const pick = (file: RcFile) => {
    if (isLawFile(file.name)) {
      setFiles((existing) =>
        existing.some((item) => item.uid === file.uid)
          ? existing
          : [...existing, { uid: file.uid, name: file.webkitRelativePath || file.name, originFileObj: file }],
      );
    }
    return false;
  };

  const upload = () => {
    const picked = files.flatMap((file) => (file.originFileObj ? [file.originFileObj] : []));
    start.mutate(picked, {
      onSuccess: ({ importId: startedId }) => {
        setImportId(startedId);
        setFiles([]);
      },
      onError: showError,
    });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="上传法规文本">
        <Typography.Paragraph type="secondary">
          每个文件一部法规的一个版本，文件名如“行政处罚法(2021-01-22).md”；第一行为法规名称（#
          开头），其后为制定和修改沿革、章节和条文。可一次选择多个文件或整个文件夹；与库中相同的文本不会重复导入。
        </Typography.Paragraph>
        <div data-testid="law-upload">
          <Upload.Dragger
            multiple
            accept=".md,.txt"
            fileList={files}
            beforeUpload={pick}
            onRemove={(file) => setFiles((existing) => existing.filter((item) => item.uid !== file.uid))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入法规文件（.md 或 .txt，可多选）</p>
          </Upload.Dragger>
        </div>
        <Space style={{ marginTop: 12 }} wrap>
          <Upload directory multiple showUploadList={false} beforeUpload={pick}>
            <Button icon={<FolderOpenOutlined />}>选择文件夹</Button>
          </Upload>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={files.length === 0 || isRunning}
            loading={start.isPending}
            onClick={upload}
          >
            开始导入{files.length ? `（${files.length} 个文件）` : ''}
          </Button>
          {files.length ? <Button onClick={() => setFiles([])}>清空</Button> : null}
        </Space>
        {current.data ? <ImportProgress run={current.data} /> : null}
      </Card>
      <Card size="small" title="最近的导入">
        <Table<LawImportView>
          rowKey="id"
          size="small"
          loading={runs.isFetching}
          dataSource={runs.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: '还没有导入记录。' }}
          expandable={{
            rowExpandable: (run) => run.problems.length > 0,
            expandedRowRender: (run) => <ProblemList problems={run.problems} />,
          }}
          columns={[
            { title: '开始时间', dataIndex: 'startedAt', width: 200, render: formatDateTime },
            {
              title: '来源',
              dataIndex: 'source',
              render: (source: string) => (
                <Typography.Text ellipsis={{ tooltip: source }} style={{ maxWidth: 260 }}>
                  {source}
                </Typography.Text>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (status: LawImportStatus) => (
                <Tag color={statusColors[status]}>{lawImportStatusLabels[status]}</Tag>
              ),
            },
            {
              title: '文件',
              key: 'files',
              width: 90,
              render: (_: unknown, run) => `${run.processedFiles}/${run.totalFiles}`,
            },
            { title: '新增版本', dataIndex: 'importedVersions', width: 90, align: 'right' },
            { title: '未变版本', dataIndex: 'unchangedVersions', width: 90, align: 'right' },
            { title: '条文', dataIndex: 'importedArticles', width: 80, align: 'right' },
            {
              title: '问题',
              key: 'problems',
              width: 70,
              align: 'right',
              render: (_: unknown, run) =>
                run.problems.length ? (
                  <Typography.Text type="danger">{run.problems.length}</Typography.Text>
                ) : (
                  0
                ),
            },
            {
              title: '操作人',
              dataIndex: 'startedBy',
              width: 200,
              ellipsis: true,
              render: (value: string | null) => value ?? '命令行导入',
            },
          ]}
        />
      </Card>
    </Space>
  );
}
