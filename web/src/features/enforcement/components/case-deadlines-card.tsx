import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { useCaseWorkbench } from '../api/get-cases';

interface Props {
  casePath: (id: string) => string;
  workbenchPath: string;
}

/** 工作台 card: the user's cases whose statutory deadline is past (red) or near, each a link to the case. */
export function CaseDeadlinesCard({ casePath, workbenchPath }: Props) {
  const workbench = useCaseWorkbench();
  const rows = [
    ...(workbench.data?.overdue ?? []).map((row) => ({ ...row, isOverdue: true })),
    ...(workbench.data?.dueSoon ?? []).map((row) => ({ ...row, isOverdue: false })),
  ];
  return (
    <Card
      title={`办案期限（已逾期 ${workbench.data?.overdue.length ?? 0} 件，即将到期 ${workbench.data?.dueSoon.length ?? 0} 件）`}
      size="small"
      style={{ marginTop: 16 }}
      loading={workbench.isLoading}
      extra={<Link to={workbenchPath}>办案工作台</Link>}
    >
      <List
        size="small"
        dataSource={rows.slice(0, 8)}
        locale={{ emptyText: '您承办的案件近期没有到期的法定期限' }}
        renderItem={(row) => (
          <List.Item
            extra={
              <Tag color={row.isOverdue ? 'red' : 'orange'}>
                {row.isOverdue ? '已逾期' : '即将到期'} {formatDate(row.deadline.dueDate)}
              </Tag>
            }
          >
            <List.Item.Meta
              title={<Link to={casePath(row.case.id)}>{`${row.case.caseNumber} ${row.case.title}`}</Link>}
              description={
                <Typography.Text type="secondary">
                  {row.deadline.label} · {row.case.stateLabel} · 依据{row.deadline.citation}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
