import {
  Alert,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  caseProcedureLabels,
  caseProcedures,
  caseSourceLabels,
  caseSources,
  partyKindLabels,
  partyKinds,
  penaltyKindLabels,
  type CaseDetail,
  type CaseProcedure,
  type CaseSource,
  type PartyKind,
  type RegisterCaseInput,
} from '../../../../../contracts/enforcement';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { ApiError } from '../../../lib/api-client';
import { useCaseOfficers, useCasePowerItems } from '../api/get-cases';
import { useRegisterCase } from '../api/save-case';

interface Values {
  organizationId: string;
  procedure: CaseProcedure;
  powerItemId: string;
  source: CaseSource;
  sourceDetail?: string;
  title: string;
  occurredOn?: Dayjs;
  discoveredOn?: Dayjs;
  facts?: string;
  party: {
    kind: PartyKind;
    name: string;
    creditCode?: string;
    idNumber?: string;
    legalRepresentative?: string;
    address?: string;
    phone?: string;
  };
  officerPersonIds: string[];
  summaryPenalty?: { kinds?: ('warning' | 'fine')[]; fineYuan?: number | null; detail?: string };
}

/** The fields the server may name in a 400, so its message lands on the field. */
const formRoots = new Set([
  'organizationId',
  'procedure',
  'powerItemId',
  'source',
  'sourceDetail',
  'title',
  'occurredOn',
  'discoveredOn',
  'facts',
  'party',
  'officerPersonIds',
  'summaryPenalty',
]);

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const civil = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD');

export function toRegisterCaseInput(values: Values): RegisterCaseInput {
  const party = values.party;
  return {
    organizationId: values.organizationId,
    procedure: values.procedure,
    powerItemId: values.powerItemId,
    source: values.source,
    sourceDetail: optional(values.sourceDetail),
    title: values.title.trim(),
    occurredOn: civil(values.occurredOn),
    discoveredOn: civil(values.discoveredOn),
    facts: optional(values.facts),
    party:
      party.kind === 'enterprise'
        ? {
            kind: 'enterprise',
            name: party.name.trim(),
            creditCode: (party.creditCode ?? '').trim(),
            legalRepresentative: optional(party.legalRepresentative),
            address: optional(party.address),
            phone: optional(party.phone),
          }
        : {
            kind: 'person',
            name: party.name.trim(),
            idNumber: (party.idNumber ?? '').trim(),
            address: optional(party.address),
            phone: optional(party.phone),
          },
    officerPersonIds: values.officerPersonIds,
    summaryPenalty:
      values.procedure === 'summary'
        ? {
            kinds: values.summaryPenalty?.kinds ?? [],
            fineYuan: values.summaryPenalty?.fineYuan ?? 0,
            detail: optional(values.summaryPenalty?.detail),
          }
        : undefined,
  };
}

interface Props {
  open: boolean;
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  onClose: () => void;
  onCreated: (detail: CaseDetail) => void;
}

/** 立案: the body, the procedure, the power item, the party, at least two certified officers, the facts. */
export function RegisterCaseDrawer({
  open,
  organizationTree,
  defaultOrganizationId,
  onClose,
  onCreated,
}: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const register = useRegisterCase();
  const organizationId = Form.useWatch('organizationId', form);
  const procedure = Form.useWatch('procedure', form);
  const partyKind = Form.useWatch(['party', 'kind'], form);
  const powerItems = useCasePowerItems(organizationId);
  const officers = useCaseOfficers(organizationId);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      organizationId: defaultOrganizationId,
      procedure: 'ordinary',
      source: 'patrol',
      party: { kind: 'enterprise' },
      officerPersonIds: [],
    });
  }, [open, defaultOrganizationId, form]);

  // the registering officer is one of the case's officers (the server requires it): preselect him
  useEffect(() => {
    const self = officers.data?.find((officer) => officer.isCurrentUser && officer.certificateValid);
    const chosen = form.getFieldValue('officerPersonIds') as string[] | undefined;
    if (open && self && (chosen ?? []).length === 0)
      form.setFieldsValue({ officerPersonIds: [self.personId] });
  }, [open, officers.data, form]);

  const submit = (values: Values) => {
    setError(null);
    register.mutate(toRegisterCaseInput(values), {
      onSuccess: onCreated,
      onError: (failure) => {
        const path = failure instanceof ApiError ? failure.field?.split('.') : undefined;
        if (failure instanceof ApiError && path?.[0] && formRoots.has(path[0])) {
          form.setFields([{ name: path as never, errors: [failure.message] }]);
          setError(failure.message);
        } else {
          setError(failure instanceof ApiError ? failure.message : '立案失败，请稍后重试');
        }
      },
    });
  };

  return (
    <Drawer
      title="立案"
      width={720}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()}>
            提交立案
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              label="执法主体"
              name="organizationId"
              rules={[{ required: true, message: '请选择执法主体' }]}
            >
              <OrganizationTreeSelect
                tree={organizationTree}
                placeholder="选择办案的执法机关"
                onChange={() => form.setFieldsValue({ powerItemId: undefined, officerPersonIds: [] })}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              label="程序类型"
              name="procedure"
              rules={[{ required: true, message: '请选择程序类型' }]}
            >
              <Radio.Group
                optionType="button"
                options={caseProcedures.map((value) => ({ value, label: caseProcedureLabels[value] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="执法事项"
          name="powerItemId"
          rules={[{ required: true, message: '请选择执法事项' }]}
          extra="只能就本机关权责清单中现行有效的行政处罚事项立案"
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={powerItems.isLoading}
            placeholder={organizationId ? '按名称或编码搜索' : '请先选择执法主体'}
            notFoundContent={organizationId ? '该机关没有现行有效的处罚事项' : undefined}
            options={(powerItems.data ?? []).map((item) => ({
              value: item.id,
              label: `${item.code} ${item.name}`,
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="案件来源" name="source" rules={[{ required: true, message: '请选择案件来源' }]}>
              <Select options={caseSources.map((value) => ({ value, label: caseSourceLabels[value] }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="来源说明" name="sourceDetail">
              <Input maxLength={500} placeholder="例如：12315 投诉编号、移送函文号（可不填）" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="案由"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写案由' }]}
        >
          <Input maxLength={200} placeholder="例如：某某超市销售超过保质期食品案" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="违法行为发生日期" name="occurredOn">
              <DatePicker format="YYYY年M月D日" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="发现日期" name="discoveredOn">
              <DatePicker format="YYYY年M月D日" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <fieldset
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}
        >
          <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>
            当事人
          </legend>
          <Form.Item label="当事人类型" name={['party', 'kind']}>
            <Radio.Group options={partyKinds.map((value) => ({ value, label: partyKindLabels[value] }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                label={partyKind === 'person' ? '当事人姓名' : '当事人名称'}
                name={['party', 'name']}
                rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}
              >
                <Input maxLength={partyKind === 'person' ? 50 : 200} />
              </Form.Item>
            </Col>
            <Col span={12}>
              {partyKind === 'person' ? (
                <Form.Item
                  label="身份证号码"
                  name={['party', 'idNumber']}
                  rules={[{ required: true, whitespace: true, message: '请填写身份证号码' }]}
                  extra="按国家标准校验，加密保存，页面上只显示部分号码"
                >
                  <Input maxLength={18} />
                </Form.Item>
              ) : (
                <Form.Item
                  label="统一社会信用代码"
                  name={['party', 'creditCode']}
                  rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}
                >
                  <Input maxLength={18} />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Row gutter={16}>
            {partyKind === 'person' ? null : (
              <Col span={8}>
                <Form.Item label="法定代表人" name={['party', 'legalRepresentative']}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            )}
            <Col span={partyKind === 'person' ? 16 : 10}>
              <Form.Item label={partyKind === 'person' ? '住址' : '地址'} name={['party', 'address']}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={partyKind === 'person' ? 8 : 6}>
              <Form.Item label="联系电话" name={['party', 'phone']}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
        <Form.Item
          label="执法人员"
          name="officerPersonIds"
          rules={[
            {
              validator: (_rule, value: string[] | undefined) =>
                (value?.length ?? 0) >= 2
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error('执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）'),
                    ),
            },
          ]}
          extra="至少两名持有效执法证件的执法人员承办（《中华人民共和国行政处罚法》第四十二条）"
        >
          <Select
            mode="multiple"
            loading={officers.isLoading}
            placeholder={organizationId ? '选择承办的执法人员' : '请先选择执法主体'}
            optionFilterProp="title"
            options={(officers.data ?? []).map((officer) => ({
              value: officer.personId,
              title: officer.name,
              disabled: !officer.certificateValid,
              label: (
                <span>
                  {officer.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {officer.certificateNumber ? `执法证 ${officer.certificateNumber}` : '未登记执法证'}
                  </Typography.Text>{' '}
                  <Tag color={officer.certificateValid ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                    {officer.certificateValid ? '证件有效' : '证件无效'}
                  </Tag>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item label="基本案情" name="facts">
          <Input.TextArea
            rows={4}
            maxLength={5000}
            showCount
            placeholder="发现违法行为的经过和初步查明的情况"
          />
        </Form.Item>
        {procedure === 'summary' ? (
          <fieldset
            style={{ border: '1px solid #ffd591', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}
          >
            <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>
              当场作出的行政处罚决定
            </legend>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定（《中华人民共和国行政处罚法》第五十一条）。
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  label="处罚种类"
                  name={['summaryPenalty', 'kinds']}
                  rules={[{ required: true, message: '请选择处罚种类' }]}
                >
                  <Select
                    mode="multiple"
                    options={(['warning', 'fine'] as const).map((value) => ({
                      value,
                      label: penaltyKindLabels[value],
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="罚款金额（元）" name={['summaryPenalty', 'fineYuan']}>
                  <InputNumber min={0} max={3000} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="其他处理内容" name={['summaryPenalty', 'detail']}>
              <Input maxLength={2000} placeholder="例如：责令改正" />
            </Form.Item>
          </fieldset>
        ) : null}
      </Form>
    </Drawer>
  );
}
