import { Alert, Breadcrumb, Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { listKindLabels } from '../../../../../contracts/powers';
import { portalPowerPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { usePublicPowerItem } from '../api/get-public-powers';
import { ItemDescriptions } from './item-descriptions';

/** One item in force, every public field, its legal basis one click from the articles. */
export function PublicItemView({ itemId }: { itemId: string }) {
  const item = usePublicPowerItem(itemId);
  if (item.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (item.error || !item.data) {
    return (
      <Alert
        type="warning"
        showIcon
        message={
          item.error instanceof ApiError && item.error.status === 404
            ? '该事项不存在或已不在公开清单中'
            : '事项暂时无法读取'
        }
        description={<Link to={portalPowerPaths.home}>返回权责清单公开</Link>}
      />
    );
  }
  const view = item.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalPowerPaths.home}>权责清单公开</Link> },
          {
            title: (
              <Link to={portalPowerPaths.organization(view.organizationId, view.listKind)}>
                {view.organizationName}
              </Link>
            ),
          },
          { title: listKindLabels[view.listKind] },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {view.name}
      </Typography.Title>
      <Card>
        <ItemDescriptions
          listKind={view.listKind}
          content={view}
          citations={view.legalBasis}
          base="portal"
          leading={[
            { label: '实施机关', value: view.organizationName },
            { label: '所属清单', value: listKindLabels[view.listKind] },
            { label: '生效日期', value: formatDate(view.effectiveFrom) },
          ]}
        />
      </Card>
    </>
  );
}
