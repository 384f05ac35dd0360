import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  caseProcedureLabels,
  caseProcedures,
  caseSourceLabels,
  caseSources,
  type CaseProcedure,
  type CaseSource,
  type CaseView,
} from '../../../../../contracts/enforcement';
import { ExportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { formatDate, todayCivil } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { filtersOf, useCases, type CaseListParams } from '../api/get-cases';
import { caseStateLabels } from '../case-fields';
import { CaseStateTags } from './case-detail-view';
import { RegisterCaseDrawer } from './register-case-drawer';

interface Props {
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  /** officers open cases */
  canRegister: boolean;
  /** start with "我承办的" checked */
  isMineByDefault?: boolean;
  casePath: (id: string) => string;
}

const thisYear = Number(todayCivil().slice(0, 4));
const years = Array.from({ length: 6 }, (_, index) => thisYear - index);

/** 案件管理: every case in scope, searchable and filtered, exported to Excel; officers register new ones here. */
export function CasesView({
  organizationTree,
  defaultOrganizationId,
  canRegister,
  isMineByDefault,
  casePath,
}: Props) {
  const [filter, setFilter] = useState<CaseListParams>({
    page: 1,
    pageSize: 20,
    ...(isMineByDefault ? { mine: 'true' } : {}),
  });
  const [isRegistering, setRegistering] = useState(false);
  const list = useCases(filter);
  const navigate = useNavigate();
  const change = (next: Partial<CaseListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader
        title="案件管理"
        description="本机关及下级机关的行政处罚案件。点击案号进入案件办理；超期案件标红。"
        extra={
          <Space>
            <ExportButton
              path="/api/enforcement/cases/export"
              fallbackName="行政处罚案件.xlsx"
              query={filtersOf(filter)}
            />
            {canRegister ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                立案
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按案号、案由或当事人搜索"
            style={{ width: 260 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="全部执法主体"
            value={filter.organizationId}
            style={{ width: 240 }}
            onChange={(organizationId) => change({ organizationId })}
          />
          <Select<string>
            allowClear
            placeholder="办理环节"
            style={{ width: 160 }}
            value={filter.state}
            options={Object.entries(caseStateLabels).map(([value, label]) => ({ value, label }))}
            onChange={(state) => change({ state })}
          />
          <Select<CaseProcedure>
            allowClear
            placeholder="程序"
            style={{ width: 110 }}
            value={filter.procedure}
            options={caseProcedures.map((value) => ({ value, label: caseProcedureLabels[value] }))}
            onChange={(procedure) => change({ procedure })}
          />
          <Select<CaseSource>
            allowClear
            placeholder="案件来源"
            style={{ width: 120 }}
            value={filter.source}
            options={caseSources.map((value) => ({ value, label: caseSourceLabels[value] }))}
            onChange={(source) => change({ source })}
          />
          <Select<number>
            allowClear
            placeholder="立案年度"
            style={{ width: 110 }}
            value={filter.year}
            options={years.map((value) => ({ value, label: `${value}年` }))}
            onChange={(year) => change({ year })}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="重大案件"
            style={{ width: 140 }}
            value={filter.isMajor}
            options={[
              { value: 'true', label: '重大执法决定' },
              { value: 'false', label: '一般案件' },
            ]}
            onChange={(isMajor) => change({ isMajor })}
          />
          <DatePicker.RangePicker
            placeholder={['立案起始日期', '立案截止日期']}
            format="YYYY年M月D日"
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              change({
                registeredFrom: range?.[0]?.format('YYYY-MM-DD'),
                registeredTo: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Checkbox
            checked={filter.overdue === 'true'}
            onChange={(event) => change({ overdue: event.target.checked ? 'true' : undefined })}
          >
            只看超期
          </Checkbox>
          <Checkbox
            checked={filter.mine === 'true'}
            onChange={(event) => change({ mine: event.target.checked ? 'true' : undefined })}
          >
            我承办的
          </Checkbox>
        </Space>
        <Table<CaseView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          onRow={(row) => (row.overdue ? { style: { background: '#fff1f0' } } : {})}
          locale={{
            emptyText: canRegister
              ? '没有符合条件的案件。点击右上角“立案”登记新案件。'
              : '没有符合条件的案件。',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) =>
              list.data?.totalIsCapped
                ? `超过 ${total.toLocaleString('zh-CN')} 件，请用条件缩小范围`
                : `共 ${total.toLocaleString('zh-CN')} 件`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNumber',
              width: 210,
              fixed: 'left',
              render: (caseNumber: string, row) => <Link to={casePath(row.id)}>{caseNumber}</Link>,
            },
            {
              title: '案由',
              dataIndex: 'title',
              width: 280,
              render: (title: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: title }} style={{ marginBottom: 0 }}>
                  {title}
                </Typography.Paragraph>
              ),
            },
            { title: '当事人', key: 'party', width: 200, render: (_: unknown, row) => row.party.name },
            {
              title: '办理环节',
              key: 'state',
              width: 220,
              render: (_: unknown, row) => <CaseStateTags caseView={row} />,
            },
            {
              title: '立案日期',
              dataIndex: 'registeredOn',
              width: 130,
              render: (value: string) => formatDate(value),
            },
            {
              title: '最近期限',
              dataIndex: 'nextDueDate',
              width: 130,
              render: (value: string | null, row) =>
                value ? row.overdue ? <Tag color="red">{formatDate(value)}</Tag> : formatDate(value) : '—',
            },
            {
              title: '程序',
              dataIndex: 'procedure',
              width: 90,
              render: (procedure: CaseProcedure) => caseProcedureLabels[procedure],
            },
            { title: '执法主体', dataIndex: 'organizationName', width: 180 },
            {
              title: '承办人员',
              key: 'officers',
              width: 160,
              render: (_: unknown, row) => row.officers.map((officer) => officer.name).join('、'),
            },
          ]}
        />
      </Card>
      <RegisterCaseDrawer
        open={isRegistering}
        organizationTree={organizationTree}
        defaultOrganizationId={filter.organizationId ?? defaultOrganizationId}
        onClose={() => setRegistering(false)}
        onCreated={(created) => {
          notify.success(`已立案：${created.case.caseNumber}`);
          setRegistering(false);
          void navigate(casePath(created.case.id));
        }}
      />
    </>
  );
}
