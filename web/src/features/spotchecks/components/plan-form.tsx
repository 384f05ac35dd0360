import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  riskGradeLabels,
  riskGrades,
  spotCheckTriggerLabels,
  spotCheckTriggers,
  type CreatePlanInput,
  type RiskGrade,
  type SpotCheckPlanDetail,
  type SpotCheckTrigger,
} from '../../../../../contracts/spotchecks';
import type { TreeOption } from '../../../components/organization-tree-select';
import { OrganizationTreeSelect } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { useCreatePlan } from '../api/plans';

/** An item of a department's 随机抽查事项清单 in force today. */
export interface SpotCheckItemChoice {
  id: string;
  code: string;
  name: string;
}

/** How the page finds a department's spot-check items (the powers feature's list, composed by the page). */
export type DepartmentItemsHook = (organizationId: string) => {
  items: SpotCheckItemChoice[];
  isLoading: boolean;
};

/** Higher risk, higher ratio: the usual starting point, changed per plan. */
const defaultRatios: Record<RiskGrade, number> = { A: 3, B: 5, C: 10, D: 20 };

interface Values {
  title: string;
  leadOrganizationId: string;
  partnerOrganizationIds?: string[];
  /** per department: the items chosen */
  items?: Record<string, string[] | undefined>;
  trigger: SpotCheckTrigger;
  jurisdictionCodes?: string[];
  industries?: string[];
  licences?: string[];
  ratios: Record<RiskGrade, number | null | undefined>;
  inspectorsPerTask: number;
  maxTasksPerInspector: number;
  period: [Dayjs, Dayjs];
}

/** The fields the server may name in a 400, mapped to the form's. */
const fieldOfServer: Record<string, string[]> = {
  title: ['title'],
  organizationIds: ['leadOrganizationId'],
  trigger: ['trigger'],
  inspectorsPerTask: ['inspectorsPerTask'],
  maxTasksPerInspector: ['maxTasksPerInspector'],
  periodStart: ['period'],
  periodEnd: ['period'],
};

interface TreeData {
  value: string;
  title: string;
  children: TreeData[];
}
const toTreeData = (nodes: TreeOption[]): TreeData[] =>
  nodes.map((node) => ({ value: node.id, title: node.name, children: toTreeData(node.children) }));

function findName(nodes: TreeOption[], id: string): string | null {
  for (const node of nodes) {
    if (node.id === id) return node.name;
    const below = findName(node.children, id);
    if (below) return below;
  }
  return null;
}

/** One department's items as checkboxes. */
function DepartmentItems({
  organizationId,
  name,
  isLead,
  useDepartmentItems,
}: {
  organizationId: string;
  name: string;
  isLead: boolean;
  useDepartmentItems: DepartmentItemsHook;
}) {
  const { items, isLoading } = useDepartmentItems(organizationId);
  return (
    <Card
      size="small"
      type="inner"
      title={
        <span>
          {name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {isLead ? '（牵头部门）' : '（联合部门）'}
          </Typography.Text>
        </span>
      }
      style={{ marginBottom: 12 }}
    >
      {isLoading ? (
        <Spin size="small" />
      ) : items.length === 0 ? (
        <Typography.Text type="warning">
          该部门的随机抽查事项清单中没有现行有效的事项，请先在“权责清单 → 动态调整”中发布清单。
        </Typography.Text>
      ) : (
        <Form.Item
          name={['items', organizationId]}
          style={{ marginBottom: 0 }}
          rules={[{ required: true, type: 'array', min: 1, message: `请为${name}选择至少一项抽查事项` }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {items.map((item) => (
              <Checkbox key={item.id} value={item.id}>
                <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
    </Card>
  );
}

/** Free words, one tag each (typed, then Enter or a comma). */
const tagsSelect = (placeholder: string) => (
  <Select
    mode="tags"
    tokenSeparators={[',', '，', ' ', '、']}
    suffixIcon={null}
    notFoundContent={null}
    placeholder={placeholder}
  />
);

/** 制定抽查计划: departments, their items, what triggered it, which entities, how many per grade, who inspects, when. */
export function PlanForm({
  organizationTree,
  defaultOrganizationId,
  useDepartmentItems,
  onCreated,
  onCancel,
}: {
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  useDepartmentItems: DepartmentItemsHook;
  onCreated: (detail: SpotCheckPlanDetail) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreatePlan();
  const lead = Form.useWatch('leadOrganizationId', form);
  const partners = Form.useWatch('partnerOrganizationIds', form);
  const trigger = Form.useWatch('trigger', form);
  const departments = [lead, ...(partners ?? []).filter((id) => id !== lead)].filter((id): id is string =>
    Boolean(id),
  );

  const submit = (values: Values) => {
    setError(null);
    const organizationIds = [
      values.leadOrganizationId,
      ...(values.partnerOrganizationIds ?? []).filter((id) => id !== values.leadOrganizationId),
    ];
    const input: CreatePlanInput = {
      title: values.title.trim(),
      organizationIds,
      itemIds: organizationIds.flatMap((id) => values.items?.[id] ?? []),
      trigger: values.trigger,
      populationFilter: {
        jurisdictionCodes: values.jurisdictionCodes ?? [],
        industries: values.industries ?? [],
        licences: values.licences ?? [],
      },
      strata: riskGrades.flatMap((grade) => {
        const ratio = values.ratios[grade];
        return ratio === null || ratio === undefined ? [] : [{ riskGrade: grade, ratioPercent: ratio }];
      }),
      inspectorsPerTask: values.inspectorsPerTask,
      maxTasksPerInspector: values.maxTasksPerInspector,
      periodStart: values.period[0].format('YYYY-MM-DD'),
      periodEnd: values.period[1].format('YYYY-MM-DD'),
    };
    create.mutate(input, {
      onSuccess: onCreated,
      onError: (failure) => {
        const message = failure instanceof ApiError ? failure.message : '保存失败，请稍后重试';
        setError(message);
        const root = failure instanceof ApiError ? failure.field?.split('.')[0] : undefined;
        const name = root ? fieldOfServer[root] : undefined;
        if (name) form.setFields([{ name: name as never, errors: [message] }]);
      },
    });
  };

  return (
    <>
      <PageHeader
        title="制定抽查计划"
        description="计划保存后为“草拟中”，可在计划页面冻结名录并公布承诺值，再揭示种子并抽取。"
      />
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          leadOrganizationId: defaultOrganizationId,
          trigger: 'routine',
          ratios: defaultRatios,
          inspectorsPerTask: 2,
          maxTasksPerInspector: 30,
        }}
      >
        <Card size="small" title="计划与部门" style={{ marginBottom: 16 }}>
          <Form.Item
            label="计划名称"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写计划名称' },
              { min: 4, message: '计划名称至少 4 个字' },
            ]}
          >
            <Input maxLength={200} placeholder="例如：2026 年第四季度食品经营者双随机抽查" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="牵头部门"
                name="leadOrganizationId"
                rules={[{ required: true, message: '请选择牵头部门' }]}
                extra="只选一个部门即为本部门的随机抽查"
              >
                <OrganizationTreeSelect tree={organizationTree} placeholder="选择牵头的执法部门" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="联合抽查部门（可不选）"
                name="partnerOrganizationIds"
                extra="另选其他部门即为部门联合抽查：同一检查对象由各部门人员一同检查，“进一次门、查多项事”"
              >
                <TreeSelect
                  multiple
                  showSearch
                  treeNodeFilterProp="title"
                  allowClear
                  placeholder="选择参加联合抽查的部门"
                  treeData={toTreeData(organizationTree)}
                  treeDefaultExpandedKeys={organizationTree.map((node) => node.id)}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          title="抽查事项"
          style={{ marginBottom: 16 }}
          extra={
            <Typography.Text type="secondary">
              只能从各部门随机抽查事项清单中选择，清单之外不得检查
            </Typography.Text>
          }
        >
          {departments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择牵头部门" />
          ) : (
            departments.map((id, index) => (
              <DepartmentItems
                key={id}
                organizationId={id}
                name={findName(organizationTree, id) ?? '所选部门'}
                isLead={index === 0}
                useDepartmentItems={useDepartmentItems}
              />
            ))
          )}
        </Card>

        <Card size="small" title="抽查类型与对象范围" style={{ marginBottom: 16 }}>
          <Form.Item label="计划类型" name="trigger" rules={[{ required: true, message: '请选择计划类型' }]}>
            <Radio.Group
              optionType="button"
              options={spotCheckTriggers.map((value) => ({ value, label: spotCheckTriggerLabels[value] }))}
            />
          </Form.Item>
          {trigger && trigger !== 'routine' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="投诉举报、风险预警引发的抽查不受抽查频次限制"
              description="日常抽查会排除本年度已被同领域抽查过的对象，避免重复检查、干扰企业；因投诉举报或风险预警开展的抽查不排除这些对象。"
            />
          ) : null}
          <Typography.Paragraph type="secondary">
            以下条件都不填，则从检查对象名录库的全部对象中抽取；填了的，只抽取同时符合的对象。
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="行政区划代码"
                name="jurisdictionCodes"
                extra="6 位数字，可填多个，输入后按回车"
                rules={[
                  {
                    validator: (_rule, value: string[] | undefined) =>
                      (value ?? []).every((code) => /^\d{6}$/.test(code))
                        ? Promise.resolve()
                        : Promise.reject(new Error('区划代码须为 6 位数字')),
                  },
                ]}
              >
                {tagsSelect('例如 410329')}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="行业" name="industries" extra="与名录库中的行业一致，可填多个">
                {tagsSelect('例如 餐饮业')}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="持有许可证" name="licences" extra="持有其中任一许可证的对象">
                {tagsSelect('例如 食品经营许可证')}
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="抽查比例与检查人员" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            按信用风险分类确定各类对象的抽查比例：风险越高，比例越高。某一类不抽查的，把比例清空。抽取户数 =
            可抽对象数 × 比例，向上取整。
          </Typography.Paragraph>
          <Table
            rowKey="grade"
            size="small"
            pagination={false}
            style={{ maxWidth: 560, marginBottom: 16 }}
            dataSource={riskGrades.map((grade) => ({ grade }))}
            columns={[
              {
                title: '信用风险分类',
                dataIndex: 'grade',
                render: (grade: RiskGrade) => riskGradeLabels[grade],
              },
              {
                title: '抽查比例',
                key: 'ratio',
                width: 180,
                render: (_: unknown, row: { grade: RiskGrade }) => (
                  <Form.Item name={['ratios', row.grade]} style={{ marginBottom: 0 }}>
                    <InputNumber
                      aria-label={`${row.grade} 类抽查比例`}
                      min={0}
                      max={100}
                      precision={2}
                      suffix="%"
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="每组检查人员"
                name="inspectorsPerTask"
                rules={[{ required: true, message: '请填写每组检查人员数' }]}
                extra="至少 2 人（《中华人民共和国行政处罚法》第四十二条）；联合抽查不少于部门数"
              >
                <InputNumber min={2} max={10} suffix="人" style={{ width: 140 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="每人任务上限"
                name="maxTasksPerInspector"
                rules={[{ required: true, message: '请填写每人任务上限' }]}
                extra="含其手上尚未完成的任务，避免任务集中在少数人"
              >
                <InputNumber min={1} max={10000} suffix="件" style={{ width: 140 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="检查期间"
                name="period"
                rules={[{ required: true, message: '请选择检查期间' }]}
              >
                <DatePicker.RangePicker
                  format="YYYY年M月D日"
                  placeholder={['开始日期', '结束日期']}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            保存计划
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
