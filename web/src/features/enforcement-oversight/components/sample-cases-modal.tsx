import { Alert, Descriptions, Form, Input, InputNumber, Modal, Radio, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import type { SampleResult } from '../../../../../contracts/enforcement-oversight';
import type { TreeOption } from '../../../components/organization-tree-select';
import { showError } from '../../../lib/api-client';
import { useSampleCases } from '../api/save-case-review';

interface Props {
  open: boolean;
  onClose: () => void;
  organizationTree: TreeOption[];
}

interface SampleForm {
  campaign: string;
  year: number;
  organizationIds?: string[];
  mode: 'ratio' | 'count';
  percent?: number;
  count?: number;
  seed?: string;
}

interface TreeData {
  value: string;
  title: string;
  children: TreeData[];
}
const treeData = (nodes: TreeOption[]): TreeData[] =>
  nodes.map((node) => ({ value: node.id, title: node.name, children: treeData(node.children) }));

/** 抽取案卷: closed cases of a year drawn at random per body, by ratio or number; the seed lets anyone draw the same again. */
export function SampleCasesModal({ open, onClose, organizationTree }: Props) {
  const [form] = Form.useForm<SampleForm>();
  const [result, setResult] = useState<SampleResult | null>(null);
  const sample = useSampleCases();
  const mode = Form.useWatch('mode', form);
  const year = new Date().getFullYear();

  const submit = async () => {
    const values = await form.validateFields();
    sample.mutate(
      {
        campaign: values.campaign.trim(),
        year: values.year,
        organizationIds: values.organizationIds?.length ? values.organizationIds : undefined,
        ...(values.mode === 'ratio' ? { ratio: (values.percent ?? 0) / 100 } : { count: values.count ?? 1 }),
        seed: values.seed?.trim() || undefined,
      },
      { onSuccess: setResult, onError: showError },
    );
  };
  const close = () => {
    setResult(null);
    onClose();
  };

  return (
    <Modal
      title="抽取评查案卷"
      open={open}
      width={680}
      onCancel={close}
      onOk={result ? close : () => void submit()}
      okText={result ? '完成' : '抽取'}
      confirmLoading={sample.isPending}
      destroyOnHidden
    >
      {result ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            message={`共抽取 ${result.reviews.length} 卷`}
            description={`随机种子：${result.seed}。对同一批案件使用相同的种子可重现本次抽取结果，请随评查记录留存。`}
          />
          <Table
            size="small"
            rowKey="organizationId"
            pagination={false}
            dataSource={result.perOrganization}
            columns={[
              { title: '执法主体', dataIndex: 'organizationName' },
              { title: '可抽取案卷', dataIndex: 'candidates', width: 110 },
              { title: '抽取', dataIndex: 'drawn', width: 80 },
            ]}
          />
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            campaign: `${year}年度行政执法案卷评查`,
            year,
            mode: 'ratio',
            percent: 10,
            count: 3,
          }}
        >
          <Form.Item
            name="campaign"
            label="评查活动"
            rules={[{ required: true, min: 4, message: '评查活动名称至少 4 个字' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="抽取范围">
              当年已结案、已归档的案件；同一评查活动中已抽取的案件不再重复抽取
            </Descriptions.Item>
          </Descriptions>
          <Form.Item name="year" label="结案年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="organizationIds" label="执法主体（不选为管辖范围内全部）">
            <TreeSelect
              multiple
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_ALL}
              treeData={treeData(organizationTree)}
              treeDefaultExpandAll
              placeholder="全部执法主体"
              treeNodeFilterProp="title"
              showSearch
            />
          </Form.Item>
          <Form.Item name="mode" label="抽取方式">
            <Radio.Group
              options={[
                { value: 'ratio', label: '按比例（每个执法主体至少 1 卷）' },
                { value: 'count', label: '每个执法主体抽取固定数量' },
              ]}
            />
          </Form.Item>
          {mode === 'count' ? (
            <Form.Item
              name="count"
              label="每个执法主体抽取"
              rules={[{ required: true, message: '请填写数量' }]}
            >
              <InputNumber min={1} max={1000} suffix="卷" style={{ width: 200 }} />
            </Form.Item>
          ) : (
            <Form.Item name="percent" label="抽取比例" rules={[{ required: true, message: '请填写比例' }]}>
              <InputNumber min={1} max={100} suffix="%" style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="seed" label="随机种子（可不填，系统自动生成）">
            <Input maxLength={64} placeholder="复核抽取时填写原种子" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
