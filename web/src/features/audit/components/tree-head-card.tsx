import { Card, Descriptions, Typography } from 'antd';
import { auditHashAlgorithmLabels, type SignedTreeHead } from '../../../../../contracts/audit';
import { formatDateTime } from '../../../lib/format';

/** What a signed tree head says: how many events, their root hash, when and with which key it was signed. */
export function TreeHeadCard({
  head,
  loading,
  title = '当前已签名树头',
}: {
  head?: SignedTreeHead;
  loading: boolean;
  title?: string;
}) {
  return (
    <Card title={title} loading={loading} size="small">
      {head ? (
        <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
          <Descriptions.Item label="日志条数">{head.treeSize.toLocaleString('zh-CN')} 条</Descriptions.Item>
          <Descriptions.Item label="根哈希">
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="tree-head-root">
              {head.rootHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="哈希算法">{auditHashAlgorithmLabels[head.algorithm]}</Descriptions.Item>
          <Descriptions.Item label="签名时间">{formatDateTime(head.signedAt)}</Descriptions.Item>
          <Descriptions.Item label="签名算法">Ed25519</Descriptions.Item>
          <Descriptions.Item label="公钥指纹">
            <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {head.keyId}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">暂无树头</Typography.Text>
      )}
    </Card>
  );
}
