import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Card,
  Col,
  Descriptions,
  Input,
  QRCode,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useCertificateCheck } from '../api/get-public-enforcement';

/**
 * 执法证件查询 (亮证执法, 行政处罚法 art. 55): the page an officer shows — the holder, the body, the
 * field, the number and the term, whether the certificate is valid today, and a QR code of this
 * page's own address so the party can open it on their phone and check.
 */
export function CertificateCheckView({ certificateNumber }: { certificateNumber: string }) {
  const check = useCertificateCheck(certificateNumber);
  const navigate = useNavigate();
  const ownUrl = `${window.location.origin}${portalEnforcementPaths.officer(certificateNumber)}`;
  const search = (
    <Input.Search
      allowClear
      enterButton="查询"
      placeholder="输入其他执法证号"
      style={{ maxWidth: 360 }}
      onSearch={(value) => {
        if (value.trim()) void navigate(portalEnforcementPaths.officer(value.trim()));
      }}
    />
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
          { title: '执法证件查询' },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        执法证件查询
      </Typography.Title>
      {check.isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : check.error || !check.data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            message={
              check.error instanceof ApiError && check.error.status === 404
                ? `未查到证号为「${certificateNumber}」的行政执法证件`
                : check.error instanceof ApiError
                  ? check.error.message
                  : '证件信息暂时无法读取'
            }
            description="请核对证号。对无证执法或持无效证件执法的，可以拒绝，并向司法局反映。"
          />
          {search}
        </Space>
      ) : (
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={16}>
            <Card>
              <Space align="center" size={16} style={{ marginBottom: 24 }}>
                {check.data.isValid ? (
                  <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} />
                ) : (
                  <CloseCircleFilled style={{ fontSize: 48, color: '#cf1322' }} />
                )}
                <div>
                  <Typography.Title level={3} style={{ margin: 0 }} data-testid="certificate-status">
                    {check.data.isValid ? '证件有效' : `证件无效：${check.data.statusLabel}`}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    查询日期：{formatDate(check.data.checkedOn)}
                  </Typography.Text>
                </div>
              </Space>
              <Descriptions column={1} bordered labelStyle={{ width: 160 }}>
                <Descriptions.Item label="姓名">{check.data.name}</Descriptions.Item>
                <Descriptions.Item label="执法主体">
                  <Link to={portalEnforcementPaths.body(check.data.organizationId)}>
                    {check.data.organizationName}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label="执法类别">{check.data.field}</Descriptions.Item>
                <Descriptions.Item label="执法证号">{check.data.certificateNumber}</Descriptions.Item>
                <Descriptions.Item label="发证机关">{check.data.issuedBy}</Descriptions.Item>
                <Descriptions.Item label="有效期">
                  {formatDate(check.data.validFrom)} 至 {formatDate(check.data.validUntil)}
                </Descriptions.Item>
                <Descriptions.Item label="证件状态">
                  <Tag color={check.data.isValid ? 'green' : 'red'}>{check.data.statusLabel}</Tag>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title="扫码核验">
              <Space direction="vertical" align="center" style={{ width: '100%' }}>
                <div data-testid="certificate-qr">
                  <QRCode value={ownUrl} size={200} />
                </div>
                <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 0 }}>
                  执法人员出示本页二维码，当事人用手机扫码即可打开本页，核验执法人员身份和证件状态。
                </Typography.Paragraph>
                <Typography.Text copyable={{ text: ownUrl }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {ownUrl}
                </Typography.Text>
              </Space>
            </Card>
          </Col>
          <Col span={24}>{search}</Col>
        </Row>
      )}
    </>
  );
}
