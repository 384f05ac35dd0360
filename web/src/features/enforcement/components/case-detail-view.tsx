import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import {
  caseProcedureLabels,
  caseSourceLabels,
  decisionOutcomeLabels,
  discretionOutcomeLabels,
  legalReviewConclusionLabels,
  type CaseView,
} from '../../../../../contracts/enforcement';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useCase } from '../api/get-cases';
import { caseStateColor, formatYuan, partyIdentity, penaltySummary } from '../case-fields';
import { CaseActionPanel } from './case-action-panel';
import { CaseDeadlines } from './case-deadlines';
import { CaseDocumentsCard } from './case-documents-card';
import { CaseRecordsCard } from './case-records-card';
import { CaseTimeline } from './case-timeline';
import { PublicationCard } from './publication-card';

/** The state, and the marks a clerk must not miss: 重大执法决定, 超期. */
export function CaseStateTags({ caseView }: { caseView: CaseView }) {
  return (
    <Space size={4} wrap>
      <Tag color={caseStateColor(caseView.state)} data-testid="case-state">
        {caseView.stateLabel}
      </Tag>
      {caseView.isMajor ? (
        <Tooltip title={caseView.majorReasons.join('；') || undefined}>
          <Tag color="red">重大执法决定</Tag>
        </Tooltip>
      ) : null}
      {caseView.overdue ? <Tag color="red">已超期</Tag> : null}
    </Space>
  );
}

function caseItems(caseView: CaseView) {
  const discretion = caseView.discretion;
  const items = [
    { key: 'caseNumber', label: '案号', children: caseView.caseNumber },
    { key: 'state', label: '状态', children: <CaseStateTags caseView={caseView} /> },
    {
      key: 'procedure',
      label: '程序',
      children: `${caseProcedureLabels[caseView.procedure]} · ${caseSourceLabels[caseView.source]}${
        caseView.sourceDetail ? `（${caseView.sourceDetail}）` : ''
      }`,
    },
    { key: 'party', label: '当事人', children: partyIdentity(caseView.party) },
    {
      key: 'powerItem',
      label: '执法事项',
      children: `${caseView.powerItemName}（${caseView.powerItemCode}）`,
    },
    {
      key: 'officers',
      label: '承办人员',
      children: (
        <Space size={4} wrap>
          {caseView.officers.map((officer) => (
            <Tooltip
              key={officer.personId}
              title={officer.certificateNumber ? `执法证号 ${officer.certificateNumber}` : '未登记执法证'}
            >
              <Tag color={officer.certificateValid ? 'blue' : 'red'}>
                {officer.name}
                {officer.certificateValid ? '' : '（证件无效）'}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { key: 'registeredOn', label: '立案日期', children: formatDate(caseView.registeredOn) },
    { key: 'occurredOn', label: '违法行为发生日期', children: formatDate(caseView.occurredOn) },
    {
      key: 'nextDue',
      label: '最近期限',
      children: caseView.nextDueDate ? (
        <Typography.Text type={caseView.overdue ? 'danger' : undefined}>
          {formatDate(caseView.nextDueDate)}前
        </Typography.Text>
      ) : (
        '—'
      ),
    },
  ];
  if (caseView.proposedPenalty) {
    items.push({ key: 'proposed', label: '拟处罚', children: penaltySummary(caseView.proposedPenalty) });
  }
  if (discretion?.circumstanceLabel || discretion?.outsideRange) {
    items.push({
      key: 'discretion',
      label: '裁量基准',
      children: (
        <span>
          {discretion.circumstanceLabel ?? '—'}
          {discretion.outcome ? `（${discretionOutcomeLabels[discretion.outcome]}` : ''}
          {discretion.fineMinYuan !== null && discretion.fineMaxYuan !== null
            ? `，罚款 ${formatYuan(discretion.fineMinYuan)}至${formatYuan(discretion.fineMaxYuan)}）`
            : discretion.outcome
              ? '）'
              : ''}
          {discretion.outsideRange ? (
            <Tag color="orange" style={{ marginLeft: 4 }}>
              超出裁量范围
            </Tag>
          ) : null}
          {discretion.reason ? <div style={{ fontSize: 12 }}>理由：{discretion.reason}</div> : null}
        </span>
      ),
    });
  }
  if (caseView.legalReviewConclusion) {
    items.push({
      key: 'legalReview',
      label: '法制审核',
      children: (
        <Tag color={caseView.legalReviewConclusion === 'agree' ? 'green' : 'red'}>
          {legalReviewConclusionLabels[caseView.legalReviewConclusion]}
        </Tag>
      ),
    });
  }
  if (caseView.decisionOutcome) {
    items.push({
      key: 'decision',
      label: '处罚决定',
      children: `${decisionOutcomeLabels[caseView.decisionOutcome]}${
        caseView.decidedPenalty && caseView.decisionOutcome === 'penalty'
          ? `：${penaltySummary(caseView.decidedPenalty)}`
          : ''
      }${caseView.decisionNumber ? `（${caseView.decisionNumber}）` : ''}`,
    });
    items.push({ key: 'decidedOn', label: '决定日期', children: formatDate(caseView.decidedOn) });
  }
  if (caseView.servedOn)
    items.push({ key: 'servedOn', label: '送达日期', children: formatDate(caseView.servedOn) });
  if (caseView.paidOn) {
    items.push({
      key: 'paidOn',
      label: '缴款日期',
      children: `${formatDate(caseView.paidOn)}${
        caseView.surchargeYuan > 0 ? `（含加处罚款 ${formatYuan(caseView.surchargeYuan)}）` : ''
      }`,
    });
  }
  if (caseView.closedOn)
    items.push({ key: 'closedOn', label: '结案日期', children: formatDate(caseView.closedOn) });
  if (caseView.archivedOn) {
    items.push({ key: 'archivedOn', label: '归档日期', children: formatDate(caseView.archivedOn) });
  }
  return items;
}

interface Props {
  caseId: string;
  /** the user works as an officer (uploads records) */
  canRecord: boolean;
  /** the user may publish the decision (officer or agency head) */
  canPublish: boolean;
  /** the user may withdraw or take down a publication (agency head, justice bureau) */
  canWithdraw: boolean;
}

/** 案件详情: the case, the steps the user may take now, its deadlines, records, documents, history and publicity. */
export function CaseDetailView({ caseId, canRecord, canPublish, canWithdraw }: Props) {
  const detail = useCase(caseId);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (detail.error || !detail.data) {
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error instanceof ApiError ? detail.error.message : '案件暂时无法读取'}
      />
    );
  }
  const data = detail.data;
  const caseView = data.case;
  const isOpen = !['archived', 'notRegistered', 'withdrawn', 'referred'].includes(caseView.state);

  return (
    <>
      <PageHeader
        title={caseView.title}
        description={`${caseView.caseNumber} · ${caseView.organizationName}`}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            ...caseItems(caseView),
            {
              key: 'facts',
              label: '基本案情',
              span: 'filled',
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{caseView.facts ?? '—'}</div>,
            },
          ]}
        />
        {caseView.isMajor && caseView.majorReasons.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            message={`本案属于重大执法决定：${caseView.majorReasons
              .map((reason) => reason.replace(/[。；]+$/, ''))
              .join('；')}。作出决定前须经法制审核（《中华人民共和国行政处罚法》第五十八条）。`}
          />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={`下一步办理（当前环节：${caseView.stateLabel}）`}
            style={{ marginBottom: 16 }}
          >
            <CaseActionPanel detail={data} />
          </Card>
          <CaseRecordsCard caseView={caseView} records={data.records} canRecord={canRecord && isOpen} />
          <CaseDocumentsCard
            caseId={caseView.id}
            documents={data.documents}
            availableDocuments={data.availableDocuments}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="法定期限" style={{ marginBottom: 16 }}>
            <CaseDeadlines deadlines={data.deadlines} />
          </Card>
          <Card size="small" title="处罚决定公示" style={{ marginBottom: 16 }}>
            <PublicationCard
              publication={data.publication}
              canPublish={canPublish}
              canWithdraw={canWithdraw}
            />
          </Card>
          <Card size="small" title="办理过程" style={{ marginBottom: 16 }}>
            <CaseTimeline steps={data.steps} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
