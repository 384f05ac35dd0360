import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { listKindLabels, type ListKind } from '../../../../../contracts/powers';
import { showError } from '../../../lib/api-client';
import { downloadFile, saveBlob, uploadFile, type UploadOutcome } from '../../../lib/download';
import { notify } from '../../../lib/notify';

/** The server answers `{ added }` (older import routes say `{ imported }`). */
const addedCount = (body: unknown): number => {
  if (body && typeof body === 'object') {
    const { added, imported } = body as { added?: unknown; imported?: unknown };
    if (typeof added === 'number') return added;
    if (typeof imported === 'number') return imported;
  }
  return 0;
};

interface Props {
  changeSetId: string;
  listKind: ListKind;
  onImported: () => void;
}

/** 从 Excel 导入调整: the template of the list kind, then the filled sheet; a refused sheet comes back with its problems. */
export function ChangeImportButton({ changeSetId, listKind, onImported }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome<number> | null>(null);
  const templateName = `${listKindLabels[listKind]}调整导入模板.xlsx`;

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    const result = await uploadFile(`/api/powers/change-sets/${changeSetId}/import`, file, addedCount);
    setBusy(false);
    setOutcome(result);
    if (result.ok) {
      notify.success(`已导入 ${result.result ?? 0} 项调整`);
      onImported();
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        Excel 导入
      </Button>
      <Modal
        title={`从 Excel 导入调整：${listKindLabels[listKind]}`}
        open={isOpen}
        footer={null}
        onCancel={() => {
          setOpen(false);
          setOutcome(null);
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <div>第一步：下载导入模板，每行一项调整，“调整类型”列填写新增、变更或取消。</div>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              downloadFile('/api/powers/template.xlsx', templateName, { listKind }).catch(showError);
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
            <Alert type="success" showIcon message={`导入成功：共 ${outcome.result ?? 0} 项调整`} />
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
