import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Upload } from 'antd';
import { notify } from '../lib/notify';
import { useState } from 'react';
import { showError, type QueryParams } from '../lib/api-client';
import { downloadFile, saveBlob, uploadFile, type UploadOutcome } from '../lib/download';

interface ExportButtonProps {
  path: string;
  fallbackName: string;
  query?: QueryParams;
  label?: string;
}

/** 导出 Excel: the current filters go along, so the file holds what the list shows. */
export function ExportButton({ path, fallbackName, query, label = '导出 Excel' }: ExportButtonProps) {
  const [isBusy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isBusy}
      onClick={() => {
        setBusy(true);
        downloadFile(path, fallbackName, query)
          .catch(showError)
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

interface ImportButtonProps {
  /** what is imported, e.g. 组织机构 */
  subject: string;
  importPath: string;
  templatePath: string;
  templateName: string;
  /** query of the template download (e.g. the list kind) */
  templateQuery?: QueryParams;
  /** how one row is counted: 条 (default) or 项 */
  unit?: string;
  /** the first step's instructions, when the template needs more than the default */
  templateHint?: string;
  buttonLabel?: string;
  onImported: () => void;
}

/** The rows an import answer counts: `{ imported }` (registers) or `{ added }` (a change set). */
const importedCount = (body: unknown): number => {
  if (body && typeof body === 'object') {
    const { added, imported } = body as { added?: unknown; imported?: unknown };
    if (typeof imported === 'number') return imported;
    if (typeof added === 'number') return added;
  }
  return 0;
};

/** 导入 Excel: download the template, upload the filled file, and on refusal download the sheet of problems. */
export function ImportButton({
  subject,
  importPath,
  templatePath,
  templateName,
  templateQuery,
  unit = '条',
  templateHint = '第一步：下载导入模板，按表头填写（每行一条，带 * 的列必须填写）。',
  buttonLabel = '导入 Excel',
  onImported,
}: ImportButtonProps) {
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome<number> | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    const result = await uploadFile(importPath, file, importedCount);
    setBusy(false);
    setOutcome(result);
    if (result.ok) {
      notify.success(`已导入 ${result.result ?? 0} ${unit}${subject}`);
      onImported();
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {buttonLabel}
      </Button>
      <Modal
        title={`从 Excel 导入${subject}`}
        open={isOpen}
        footer={null}
        onCancel={() => {
          setOpen(false);
          setOutcome(null);
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <div>{templateHint}</div>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              downloadFile(templatePath, templateName, templateQuery).catch(showError);
            }}
          >
            下载导入模板
          </Button>
          <div>第二步：上传填好的文件。全部行都正确才会导入；有错误时不导入任何一行，并给出问题表格。</div>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={isBusy}>
              选择文件并导入
            </Button>
          </Upload>
          {outcome?.ok ? (
            <Alert type="success" showIcon message={`导入成功：共 ${outcome.result ?? 0} ${unit}`} />
          ) : null}
          {outcome && !outcome.ok ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={outcome.error?.message ?? '导入失败'}
              action={
                outcome.errorSheet ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      if (outcome.errorSheet)
                        saveBlob(outcome.errorSheet, outcome.errorSheetName ?? '导入问题.xlsx');
                    }}
                  >
                    下载问题表格
                  </Button>
                ) : undefined
              }
            />
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
