import { Alert, Collapse, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { listKindLabels, type PowerItemView } from '../../../../../contracts/powers';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { usePowerItem } from '../api/get-power-items';
import { itemStatusColors, itemStatusText } from '../power-fields';
import { ItemDescriptions } from './item-descriptions';

const periodOf = (item: PowerItemView) =>
  item.effectiveTo
    ? `${formatDate(item.effectiveFrom)} 至 ${formatDate(item.effectiveTo)}`
    : `${formatDate(item.effectiveFrom)}起`;

/** An item of a list in full, with every version it has had (newest first). */
export function PowerItemDrawer({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const detail = usePowerItem(itemId);
  const item = detail.data?.item;
  const versions = detail.data?.versions ?? [];
  return (
    <Drawer
      title={item ? item.name : '事项详情'}
      width={760}
      open={itemId !== null}
      onClose={onClose}
      destroyOnHidden
    >
      {detail.isLoading ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {detail.error ? (
        <Alert
          type="error"
          showIcon
          message={detail.error instanceof ApiError ? detail.error.message : '事项暂时无法读取'}
        />
      ) : null}
      {item ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <ItemDescriptions
            listKind={item.listKind}
            content={item}
            citations={item.legalBasis}
            base="console"
            leading={[
              { label: '实施机关', value: item.organizationName },
              { label: '所属清单', value: listKindLabels[item.listKind] },
              {
                label: '状态',
                value: <Tag color={itemStatusColors[item.status]}>{itemStatusText(item.status)}</Tag>,
              },
              { label: '有效期间', value: periodOf(item) },
              { label: '事项版本', value: `第 ${item.version} 版（清单第 ${item.listVersion} 版）` },
            ]}
          />
          <div>
            <Typography.Title level={5}>版本历史</Typography.Title>
            {versions.length === 0 ? (
              <Empty description="暂无历史版本" />
            ) : (
              <Collapse
                size="small"
                items={versions.map((version) => ({
                  key: `${version.version}`,
                  label: (
                    <Space wrap>
                      <span>第 {version.version} 版</span>
                      <Typography.Text type="secondary">{periodOf(version)}</Typography.Text>
                      <Tag color={itemStatusColors[version.status]}>{itemStatusText(version.status)}</Tag>
                    </Space>
                  ),
                  children: (
                    <ItemDescriptions
                      listKind={version.listKind}
                      content={version}
                      citations={version.legalBasis}
                      base="console"
                    />
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
