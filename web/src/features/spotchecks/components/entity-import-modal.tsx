import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Space, Table, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { importJobStatusLabels, type ImportJobView } from '../../../../../contracts/imports';
import { showError } from '../../../lib/api-client';
import { downloadFile, uploadFile } from '../../../lib/download';
import { useEntityImportJob } from '../api/entities';

/**
 * 导入检查对象名录: download the template, upload a filled .xlsx or .csv (up to a million rows), watch
 * the check and the writing progress, and read the problems by row and column when it is refused.
 */
export function EntityImportModal({
  isOpen,
  onClose,
  onImported,
}: {
  isOpen: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  const job = useEntityImportJob(jobId);
  const view = job.data;

  // tell the list once per finished job (the callback changes identity as the list refetches)
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (view?.status !== 'done' || announced.current === view.id) return;
    announced.current = view.id;
    onImported();
  }, [view?.status, view?.id, onImported]);

  const upload = async (file: File) => {
    setUploading(true);
    setJobId(null);
    const outcome = await uploadFile(
      '/api/spotchecks/entities/import',
      file,
      (body) => body as ImportJobView,
    );
    setUploading(false);
    if (outcome.ok && outcome.result) setJobId(outcome.result.id);
    else if (outcome.error) showError(outcome.error);
  };

  return (
    <Modal
      title="导入检查对象名录"
      open={isOpen}
      footer={null}
      width={760}
      onCancel={() => {
        setJobId(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <div>
          第一步：下载导入模板，按表头填写（带 * 的列必须填写）。也可以上传从登记系统导出的 CSV（UTF-8 或 GBK
          编码），表头与模板一致即可。
        </div>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile('/api/spotchecks/entities/import-template', '检查对象名录导入模板.xlsx').catch(
              showError,
            )
          }
        >
          下载导入模板
        </Button>
        <div>
          第二步：上传文件（.xlsx 或 .csv，至多 100
          万行）。平台先逐行检查，全部无误才一次写入；统一社会信用代码已在名录中的，更新其信息；有任何问题时不导入任何一行，并列出问题。
        </div>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={isUploading || view?.status === 'running'}
          >
            选择文件并上传
          </Button>
        </Upload>
        {view ? <ImportJobProgress job={view} /> : null}
      </Space>
    </Modal>
  );
}

/** A job's progress while it runs, and its outcome after. */
export function ImportJobProgress({ job }: { job: ImportJobView }) {
  if (job.status === 'running') {
    const isWriting = job.phase === 'writing';
    const percent =
      isWriting && job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : undefined;
    return (
      <div data-testid="import-progress">
        <div>
          {isWriting
            ? `正在写入：${job.processedRows.toLocaleString('zh-CN')} / ${job.totalRows.toLocaleString('zh-CN')} 行`
            : `正在逐行检查：已检查 ${job.processedRows.toLocaleString('zh-CN')} 行`}
        </div>
        <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
      </div>
    );
  }
  if (job.status === 'done') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="import-outcome"
        message={`${importJobStatusLabels.done}：共 ${job.totalRows.toLocaleString('zh-CN')} 行`}
        description={
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="新增">{job.inserted.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="更新">{job.updated.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label="未变化">{job.unchanged.toLocaleString('zh-CN')}</Descriptions.Item>
          </Descriptions>
        }
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-outcome">
      <Alert type="error" showIcon message={importJobStatusLabels[job.status]} description={job.message} />
      {job.errors.length > 0 ? (
        <>
          <Table
            size="small"
            rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
            dataSource={job.errors}
            pagination={{
              pageSize: 8,
              hideOnSinglePage: true,
              showTotal: () => `共 ${job.errorCount} 处问题`,
            }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '列', dataIndex: 'column', width: 160 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                `/api/spotchecks/entities/imports/${job.id}/errors`,
                '名录导入问题.xlsx',
              ).catch(showError)
            }
          >
            下载问题清单（Excel）
          </Button>
        </>
      ) : null}
    </Space>
  );
}
