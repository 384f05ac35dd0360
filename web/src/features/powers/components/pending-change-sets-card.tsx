import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { changeSetStateLabels, listKindLabels, type ChangeSetState } from '../../../../../contracts/powers';
import { formatDate } from '../../../lib/format';
import { useChangeSets } from '../api/get-change-sets';
import { changeSetStateColors } from '../power-fields';

interface Props {
  /** submitted for the justice bureau (to review); returned for a liaison (to correct) */
  state: ChangeSetState;
  title: string;
  emptyText: string;
  changeSetPath: (id: string) => string;
  allPath: string;
}

/** 工作台 card: the list adjustments waiting for the user, newest first, each a link to its page. */
export function PendingChangeSetsCard({ state, title, emptyText, changeSetPath, allPath }: Props) {
  const page = useChangeSets({ state, pageSize: 5 });
  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  return (
    <Card
      title={`${title}（${total} 件）`}
      size="small"
      style={{ marginTop: 16 }}
      loading={page.isLoading}
      extra={<Link to={allPath}>全部</Link>}
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText }}
        renderItem={(changeSet) => (
          <List.Item
            extra={
              <Tag color={changeSetStateColors[changeSet.state]}>{changeSetStateLabels[changeSet.state]}</Tag>
            }
          >
            <List.Item.Meta
              title={<Link to={changeSetPath(changeSet.id)}>{changeSet.title}</Link>}
              description={
                <Typography.Text type="secondary">
                  {changeSet.organizationName} · {listKindLabels[changeSet.listKind]} ·{' '}
                  {changeSet.changeCount} 项调整 · 拟于 {formatDate(changeSet.effectiveOn)} 生效
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
