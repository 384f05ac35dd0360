import { InboxOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Input, Space, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DrawVerificationView } from '../../../../../contracts/spotchecks';
import { drawAlgorithm } from '../../../../../contracts/spotchecks';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { useVerifyDrawRecord } from '../api/public-spotcheck-plans';
import { portalSpotcheckPaths } from '../spotcheck-portal-paths';
import { HashText } from '../../../components/hash-text';

/** The largest file read in the browser; the server takes records of about 500,000 entities. */
const maxFileBytes = 64 * 1024 * 1024;

type Outcome =
  | { kind: 'verdict'; source: string; verdict: DrawVerificationView }
  | { kind: 'unreadable'; source: string; message: string };

/** 复核抽取: a record file (or pasted JSON) re-run on the server with the published algorithm. */
export function VerifyRecordView() {
  const verify = useVerifyDrawRecord();
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const check = (text: string, source: string) => {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      setOutcome({
        kind: 'unreadable',
        source,
        message: '内容不是有效的 JSON，请确认选择的是从本平台下载的抽取记录文件，且没有被截断。',
      });
      return;
    }
    setOutcome(null);
    verify.mutate(record, {
      onSuccess: (verdict) => setOutcome({ kind: 'verdict', source, verdict }),
      onError: (error) =>
        setOutcome({
          kind: 'unreadable',
          source,
          message: error instanceof ApiError ? error.message : '复核暂时无法完成，请稍后再试',
        }),
    });
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
          { title: <Link to={portalSpotcheckPaths.plans}>双随机抽查公示</Link> },
          { title: '复核抽取' },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        复核抽取
      </Typography.Title>
      <Typography.Paragraph style={{ color: '#595959', maxWidth: 860 }}>
        在抽查计划的公示页面下载“抽取记录”（JSON 文件），在这里选择该文件或粘贴其内容。平台会按公开的抽取算法{' '}
        <Typography.Text code>{drawAlgorithm}</Typography.Text>{' '}
        重新计算一遍：核对承诺值是否由记录中的种子秘密值和输入摘要算出，再重新抽取检查对象和检查人员，与记录中的结果逐一比对。
      </Typography.Paragraph>

      <Card style={{ marginBottom: 16 }}>
        <Tabs
          items={[
            {
              key: 'file',
              label: '选择记录文件',
              children: (
                <Upload.Dragger
                  accept=".json,application/json"
                  multiple={false}
                  showUploadList={false}
                  disabled={verify.isPending}
                  beforeUpload={(file) => {
                    if (file.size > maxFileBytes) {
                      setOutcome({
                        kind: 'unreadable',
                        source: file.name,
                        message: '文件超过 64 MB，请使用下方的离线复核方法。',
                      });
                    } else {
                      void file.text().then((text) => check(text, file.name));
                    }
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">点击或将抽取记录文件拖到这里</p>
                  <p className="ant-upload-hint">文件只在本次复核中使用，平台不会保存。</p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'paste',
              label: '粘贴记录内容',
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    aria-label="抽取记录内容"
                    rows={8}
                    placeholder="将抽取记录（JSON）的全部内容粘贴到这里"
                    value={pasted}
                    onChange={(event) => setPasted(event.target.value)}
                    style={{ fontFamily: 'monospace' }}
                  />
                  <Button
                    type="primary"
                    disabled={pasted.trim() === ''}
                    loading={verify.isPending}
                    onClick={() => check(pasted, '粘贴的内容')}
                  >
                    开始复核
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        {verify.isPending ? (
          <Alert style={{ marginTop: 16 }} type="info" showIcon message="正在按公开算法重新计算，请稍候…" />
        ) : null}
        {outcome ? <OutcomeAlert outcome={outcome} /> : null}
      </Card>

      <Card title="离线复核">
        <Typography.Paragraph>
          不想把文件交给平台，也可以在自己的电脑上复核。安装 Node.js（20
          或更高版本）后，在本平台的源代码目录中运行：
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code copyable>
            npx fazhi spotcheck verify 抽取记录文件.json
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          结果一致时显示“验证通过”和抽中的对象数、任务数，命令的退出码为
          0；不一致时显示“验证未通过”和第一处不一致的原因，退出码不为 0（文件无法读取时也是如此）。
        </Typography.Paragraph>
      </Card>
    </>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'unreadable') {
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="warning"
        showIcon
        message={`无法复核（${outcome.source}）`}
        description={outcome.message}
      />
    );
  }
  const { verdict, source } = outcome;
  if (!verdict.ok) {
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="error"
        showIcon
        message={`不一致（${source}）`}
        description={
          <Space direction="vertical" size={4}>
            <span>原因：{verdict.reason ?? '记录与公开算法的计算结果不符'}</span>
            <span>这份记录不是平台公布的原始记录，或者在下载后被改动过。</span>
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="success"
      showIcon
      message={`一致（${source}）`}
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <span>承诺值与种子秘密值、输入摘要相符，按公开算法重新抽取的结果与记录完全相同。</span>
          <Descriptions column={1} size="small" labelStyle={{ width: 110 }}>
            <Descriptions.Item label="抽中检查对象">{verdict.entities ?? '—'} 户</Descriptions.Item>
            <Descriptions.Item label="检查任务">{verdict.tasks ?? '—'} 项</Descriptions.Item>
            <Descriptions.Item label="输入摘要">
              <HashText value={verdict.inputDigest} />
            </Descriptions.Item>
          </Descriptions>
        </Space>
      }
    />
  );
}
