import { DownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  recordKindLabels,
  recordKinds,
  type CaseRecordView,
  type CaseView,
  type RecordKind,
} from '../../../../../contracts/enforcement';
import { allowedFileMediaTypes } from '../../../../../contracts/files';
import { ApiError, showError } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useAddCaseRecord, useVerifyCaseRecord, type RecordVerification } from '../api/save-case';
import { caseStateLabels } from '../case-fields';

interface RecordValues {
  kind: RecordKind;
  title: string;
  content?: string;
  location?: string;
  recordedAt: Dayjs;
}

const formatSize = (size: number | null) => {
  if (size === null) return '';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
};

function AddRecordModal({ caseView, onClose }: { caseView: CaseView; onClose: () => void }) {
  const [form] = Form.useForm<RecordValues>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = useAddCaseRecord(caseView.id, caseView.organizationId);

  const submit = (values: RecordValues) => {
    setError(null);
    add.mutate(
      {
        input: {
          kind: values.kind,
          title: values.title.trim(),
          content: values.content?.trim() || undefined,
          location: values.location?.trim() || undefined,
          recordedAt: values.recordedAt.format(),
        },
        file: file ?? undefined,
      },
      {
        onSuccess: (record) => {
          notify.success(`已登记记录：${record.title}`);
          onClose();
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.field && failure.field in form.getFieldsValue()) {
            form.setFields([{ name: failure.field as keyof RecordValues, errors: [failure.message] }]);
          } else {
            setError(failure instanceof ApiError ? failure.message : '上传失败，请稍后重试');
          }
        },
      },
    );
  };

  return (
    <Modal
      title="上传执法全过程记录"
      open
      width={640}
      okText="上传并登记"
      cancelText="取消"
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        文字、音像记录和书证材料随案登记；文件按内容计算 SHA-256 哈希存证，此后可随时校验是否被改动。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'inspection', recordedAt: dayjs() }}
        onFinish={submit}
      >
        <Form.Item label="记录类型" name="kind" rules={[{ required: true, message: '请选择记录类型' }]}>
          <Select options={recordKinds.map((value) => ({ value, label: recordKindLabels[value] }))} />
        </Form.Item>
        <Form.Item
          label="记录标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写记录标题' }]}
        >
          <Input maxLength={200} placeholder="例如：对某某超市的现场检查笔录" />
        </Form.Item>
        <Form.Item label="记录内容" name="content">
          <Input.TextArea rows={4} maxLength={20000} placeholder="文字记录或文件的说明（可不填）" />
        </Form.Item>
        <Space size="middle" wrap>
          <Form.Item
            label="记录时间"
            name="recordedAt"
            rules={[{ required: true, message: '请选择记录时间' }]}
          >
            <DatePicker showTime format="YYYY年M月D日 HH:mm" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="地点" name="location">
            <Input maxLength={200} style={{ width: 300 }} placeholder="例如：某某超市经营场所" />
          </Form.Item>
        </Space>
        <Form.Item label="文件" extra="照片、录音录像、PDF 或 Office 文档；只有文字记录的可不上传文件">
          <Upload
            accept={allowedFileMediaTypes.join(',')}
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VerificationTag({ result }: { result: RecordVerification }) {
  const isIntact = result.intact ?? result.ok ?? false;
  return (
    <Tooltip title={result.message ?? (isIntact ? '重新计算的哈希与存证哈希一致' : '文件已被改动或缺失')}>
      <Tag color={isIntact ? 'green' : 'red'}>
        {isIntact ? '校验一致' : result.missing ? '文件缺失' : '已被改动'}
      </Tag>
    </Tooltip>
  );
}

/** 执法全过程记录: the case's records, each file with its hash and a 校验 button; officers upload new ones. */
export function CaseRecordsCard({
  caseView,
  records,
  canRecord,
}: {
  caseView: CaseView;
  records: CaseRecordView[];
  canRecord: boolean;
}) {
  const [isAdding, setAdding] = useState(false);
  const [results, setResults] = useState<Record<string, RecordVerification>>({});
  const verify = useVerifyCaseRecord(caseView.id);

  return (
    <Card
      size="small"
      title={`执法全过程记录（${records.length} 项）`}
      style={{ marginBottom: 16 }}
      extra={
        canRecord ? (
          <Button type="primary" size="small" icon={<UploadOutlined />} onClick={() => setAdding(true)}>
            上传记录
          </Button>
        ) : null
      }
    >
      <Table<CaseRecordView>
        rowKey="id"
        size="small"
        dataSource={records}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚无记录。现场检查、询问、照片、音像等记录请随办随传。' }}
        columns={[
          {
            title: '记录',
            key: 'record',
            width: 260,
            render: (_: unknown, record) => (
              <div>
                <Tag>{recordKindLabels[record.kind]}</Tag>
                <span>{record.title}</span>
                {record.content ? (
                  <Typography.Paragraph
                    type="secondary"
                    ellipsis={{ rows: 2, tooltip: record.content }}
                    style={{ marginBottom: 0, fontSize: 12 }}
                  >
                    {record.content}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          },
          {
            title: '时间、地点',
            key: 'when',
            width: 170,
            render: (_: unknown, record) => (
              <div style={{ fontSize: 12 }}>
                <div>{formatDateTime(record.recordedAt)}</div>
                <Typography.Text type="secondary">{record.location ?? ''}</Typography.Text>
              </div>
            ),
          },
          {
            title: '记录人、环节',
            key: 'who',
            width: 130,
            render: (_: unknown, record) => (
              <div style={{ fontSize: 12 }}>
                <div>{record.recordedByName}</div>
                <Typography.Text type="secondary">
                  {caseStateLabels[record.state] ?? record.state}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '文件与哈希（SHA-256）',
            key: 'file',
            width: 230,
            render: (_: unknown, record) =>
              record.fileSha256 ? (
                <div style={{ fontSize: 12 }}>
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    style={{ padding: 0 }}
                    onClick={() => {
                      const sha256 = record.fileSha256 ?? '';
                      downloadFile(`/api/files/${sha256}`, record.fileName ?? sha256).catch(showError);
                    }}
                  >
                    {record.fileName ?? '下载文件'}
                  </Button>{' '}
                  <Typography.Text type="secondary">{formatSize(record.size)}</Typography.Text>
                  <div>
                    <Typography.Text code copyable={{ text: record.fileSha256 }} data-testid="record-hash">
                      {record.fileSha256.slice(0, 16)}…
                    </Typography.Text>
                  </div>
                </div>
              ) : (
                <Typography.Text type="secondary">仅文字记录</Typography.Text>
              ),
          },
          {
            title: '校验',
            key: 'verify',
            width: 110,
            fixed: 'right',
            render: (_: unknown, record) => {
              const result = results[record.id];
              if (!record.fileSha256) return null;
              return (
                <Space direction="vertical" size={2}>
                  <Button
                    size="small"
                    icon={<SafetyCertificateOutlined />}
                    loading={verify.isPending && verify.variables === record.id}
                    onClick={() =>
                      verify.mutate(record.id, {
                        onSuccess: (answer) => {
                          setResults((current) => ({ ...current, [record.id]: answer }));
                          if (answer.intact ?? answer.ok) notify.success('校验通过：文件与存证哈希一致');
                          else notify.error(answer.message ?? '校验未通过：文件已被改动或缺失');
                        },
                        onError: showError,
                      })
                    }
                  >
                    校验
                  </Button>
                  {result ? <VerificationTag result={result} /> : null}
                </Space>
              );
            },
          },
        ]}
      />
      {isAdding ? <AddRecordModal caseView={caseView} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
