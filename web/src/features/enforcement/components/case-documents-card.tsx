import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import {
  caseDocumentKindLabels,
  type CaseDocumentKind,
  type CaseDocumentView,
} from '../../../../../contracts/enforcement';
import { showError } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useGenerateCaseDocument } from '../api/save-case';

const download = (document: CaseDocumentView) =>
  downloadFile(`/api/files/${document.fileSha256}`, `${document.label}.docx`).catch(showError);

/** 案件文书: the documents generated from the case's data (GB/T 9704 .docx), and those it can generate now. */
export function CaseDocumentsCard({
  caseId,
  documents,
  availableDocuments,
}: {
  caseId: string;
  documents: CaseDocumentView[];
  availableDocuments: CaseDocumentKind[];
}) {
  const generate = useGenerateCaseDocument(caseId);
  const generated = new Set(documents.map((document) => document.kind));
  return (
    <Card size="small" title={`案件文书（${documents.length} 份）`} style={{ marginBottom: 16 }}>
      {availableDocuments.length > 0 ? (
        <Space wrap style={{ marginBottom: 12 }}>
          {availableDocuments.map((kind) => {
            const label = caseDocumentKindLabels[kind];
            return (
              <Button
                key={kind}
                icon={<FileWordOutlined />}
                loading={generate.isPending && generate.variables === kind}
                onClick={() =>
                  generate.mutate(kind, {
                    onSuccess: (document) => {
                      notify.success(
                        `已生成${document.label}${document.number ? `（${document.number}）` : ''}`,
                      );
                    },
                    onError: showError,
                  })
                }
              >
                {generated.has(kind) ? `重新生成${label}` : `生成${label}`}
              </Button>
            );
          })}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">当前环节没有可生成的文书。</Typography.Paragraph>
      )}
      <Table<CaseDocumentView>
        rowKey="id"
        size="small"
        dataSource={documents}
        pagination={false}
        locale={{ emptyText: '尚未生成文书' }}
        columns={[
          { title: '文书', dataIndex: 'label' },
          { title: '文号', dataIndex: 'number', width: 200, render: (value: string | null) => value ?? '—' },
          {
            title: '生成',
            key: 'generated',
            width: 230,
            render: (_: unknown, document) => (
              <span style={{ fontSize: 12 }}>
                {document.generatedByName} · {formatDateTime(document.generatedAt)}
              </span>
            ),
          },
          {
            title: '操作',
            key: 'download',
            width: 90,
            render: (_: unknown, document) => (
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`下载${document.label}`}
                onClick={() => void download(document)}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
