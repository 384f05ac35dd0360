import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  discretionOutcomeLabels,
  discretionOutcomes,
  penaltyKindLabels,
  penaltyKinds,
  type DiscretionOutcome,
  type PenaltyKind,
} from '../../../../../contracts/enforcement';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { showError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import { useBenchmark, usePenaltyItems } from '../api/get-benchmarks';
import { useSaveBenchmark } from '../api/save-benchmark';

interface Row {
  rowKey: number;
  key: string;
  label: string;
  description: string;
  outcome: DiscretionOutcome;
  fineMinYuan: number;
  fineMaxYuan: number;
  penaltyKinds: PenaltyKind[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  organizationTree: TreeOption[];
  initial?: { organizationId: string; powerItemId: string } | undefined;
}

let nextRowKey = 1;
const emptyRow = (index: number): Row => ({
  rowKey: nextRowKey++,
  key: `Q${index + 1}`,
  label: '',
  description: '',
  outcome: 'ordinary',
  fineMinYuan: 0,
  fineMaxYuan: 0,
  penaltyKinds: [],
});

/** 制定或修改裁量基准: pick the body and its penalty item, then edit the circumstances in the table. */
export function BenchmarkEditorDrawer({ open, onClose, organizationTree, initial }: Props) {
  const [organizationId, setOrganizationId] = useState<string | undefined>(initial?.organizationId);
  const [powerItemId, setPowerItemId] = useState<string | undefined>(initial?.powerItemId);
  const [basis, setBasis] = useState('');
  const [rows, setRows] = useState<Row[]>([emptyRow(0)]);
  const items = usePenaltyItems(organizationId);
  const existing = useBenchmark(organizationId, powerItemId);
  const save = useSaveBenchmark();

  useEffect(() => {
    const benchmark = existing.data?.benchmark;
    if (benchmark) {
      setBasis(benchmark.basis ?? '');
      setRows(
        benchmark.circumstances.map((circumstance) => ({
          rowKey: nextRowKey++,
          key: circumstance.key,
          label: circumstance.label,
          description: circumstance.description ?? '',
          outcome: circumstance.outcome,
          fineMinYuan: circumstance.fineMinYuan,
          fineMaxYuan: circumstance.fineMaxYuan,
          penaltyKinds: circumstance.penaltyKinds,
        })),
      );
    } else if (existing.data) {
      setBasis('');
      setRows([emptyRow(0)]);
    }
  }, [existing.data]);

  const update = (rowKey: number, patch: Partial<Row>) =>
    setRows((current) =>
      current.map((row) => {
        if (row.rowKey !== rowKey) return row;
        const next = { ...row, ...patch };
        // 免罚清单: no fine, no kind
        return next.outcome === 'noPenalty'
          ? { ...next, fineMinYuan: 0, fineMaxYuan: 0, penaltyKinds: [] }
          : next;
      }),
    );

  const submit = () => {
    if (!organizationId || !powerItemId) {
      notify.warning('请先选择执法主体和执法事项');
      return;
    }
    save.mutate(
      {
        organizationId,
        powerItemId,
        basis: basis.trim() || null,
        circumstances: rows.map((row) => ({
          key: row.key.trim(),
          label: row.label.trim(),
          description: row.description.trim() || null,
          outcome: row.outcome,
          fineMinYuan: row.fineMinYuan,
          fineMaxYuan: row.fineMaxYuan,
          penaltyKinds: row.penaltyKinds,
        })),
      },
      {
        onSuccess: () => {
          notify.success('裁量基准已保存');
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Drawer
      title="制定 / 修改裁量基准"
      width={1120}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        <Space wrap size="large" align="start">
          <Form.Item label="执法主体" required>
            <OrganizationTreeSelect
              tree={organizationTree}
              value={organizationId}
              style={{ width: 300 }}
              placeholder="选择执法主体"
              onChange={(value) => {
                setOrganizationId(value);
                setPowerItemId(undefined);
              }}
            />
          </Form.Item>
          <Form.Item label="执法事项（本主体现行有效的行政处罚事项）" required>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 560 }}
              placeholder={organizationId ? '选择行政处罚事项' : '请先选择执法主体'}
              loading={items.isLoading}
              disabled={!organizationId}
              value={powerItemId}
              onChange={setPowerItemId}
              options={(items.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.code} ${item.name}`,
              }))}
            />
          </Form.Item>
        </Space>
        {existing.data && !existing.data.benchmark ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="该事项尚未制定裁量基准，保存后生效。"
          />
        ) : null}
        <Form.Item label="裁量依据">
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={basis}
            placeholder="如：《中华人民共和国食品安全法》第一百二十二条；本机关行政处罚裁量基准"
            onChange={(event) => setBasis(event.target.value)}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        每种情形写明编号、情形和裁量结果。属于免罚清单的情形罚款为
        0；轻罚清单、一般、从重情形填写罚款幅度（元）和可以给予的处罚种类。
        办案时拟处罚超出所选情形幅度的，须说明理由，并提示法制审核人员。
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="rowKey"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '编号',
            width: 90,
            render: (_, row) => (
              <Input
                value={row.key}
                maxLength={32}
                onChange={(event) => update(row.rowKey, { key: event.target.value })}
              />
            ),
          },
          {
            title: '情形',
            render: (_, row) => (
              <Input.TextArea
                autoSize
                value={row.label}
                maxLength={200}
                placeholder="如：首次违法且及时改正，未造成危害后果"
                onChange={(event) => update(row.rowKey, { label: event.target.value })}
              />
            ),
          },
          {
            title: '裁量结果',
            width: 190,
            render: (_, row) => (
              <Select<DiscretionOutcome>
                style={{ width: '100%' }}
                value={row.outcome}
                onChange={(outcome) => update(row.rowKey, { outcome })}
                options={discretionOutcomes.map((value) => ({
                  value,
                  label: discretionOutcomeLabels[value],
                }))}
              />
            ),
          },
          {
            title: '罚款下限（元）',
            width: 130,
            render: (_, row) => (
              <InputNumber
                min={0}
                precision={2}
                style={{ width: '100%' }}
                disabled={row.outcome === 'noPenalty'}
                value={row.fineMinYuan}
                onChange={(value) => update(row.rowKey, { fineMinYuan: value ?? 0 })}
              />
            ),
          },
          {
            title: '罚款上限（元）',
            width: 130,
            render: (_, row) => (
              <InputNumber
                min={0}
                precision={2}
                style={{ width: '100%' }}
                disabled={row.outcome === 'noPenalty'}
                status={row.fineMinYuan > row.fineMaxYuan ? 'error' : undefined}
                value={row.fineMaxYuan}
                onChange={(value) => update(row.rowKey, { fineMaxYuan: value ?? 0 })}
              />
            ),
          },
          {
            title: '处罚种类',
            width: 220,
            render: (_, row) => (
              <Select<PenaltyKind[]>
                mode="multiple"
                style={{ width: '100%' }}
                placeholder="不限"
                disabled={row.outcome === 'noPenalty'}
                value={row.penaltyKinds}
                onChange={(kinds) => update(row.rowKey, { penaltyKinds: kinds })}
                options={penaltyKinds.map((value) => ({ value, label: penaltyKindLabels[value] }))}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, row) => (
              <Button
                type="text"
                danger
                aria-label="删除该情形"
                icon={<DeleteOutlined />}
                disabled={rows.length === 1}
                onClick={() =>
                  setRows((current) => current.filter((candidate) => candidate.rowKey !== row.rowKey))
                }
              />
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        block
        onClick={() => setRows((current) => [...current, emptyRow(current.length)])}
      >
        添加情形
      </Button>
    </Drawer>
  );
}
