import { Alert, Button, Empty, Form, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail, NextActionView } from '../../../../../contracts/enforcement';
import { ApiError, showError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import {
  actionErrorPath,
  actionFormOf,
  initialActionValues,
  isActionApplicable,
  toActionFields,
} from '../action-forms';
import { useCaseAction } from '../api/save-case';
import { ActionFormItems } from './action-form-items';

/** Steps that end or turn back the case: shown in red. */
const dangerActions = new Set(['rejectRegistration', 'withdrawCase', 'refer', 'returnToInvestigation']);
/** The step that moves the case forward in each state: the blue button. */
const forwardActions = new Set([
  'approveRegistration',
  'concludeInvestigation',
  'legalReview',
  'notify',
  'notifyWithHearing',
  'recordStatement',
  'holdHearing',
  'decide',
  'serve',
  'serveWithoutPayment',
  'recordPayment',
  'close',
  'archive',
]);

function ActionModal({
  detail,
  action,
  onClose,
}: {
  detail: CaseDetail;
  action: NextActionView;
  onClose: () => void;
}) {
  const form = actionFormOf(action.name);
  const [antdForm] = Form.useForm<Record<string, unknown>>();
  const perform = useCaseAction(detail.case.id);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = (values: Record<string, unknown>) => {
    setRefusal(null);
    perform.mutate(
      {
        action: action.name,
        fields: toActionFields(form, values),
        expectedRevision: detail.case.revision,
      },
      {
        onSuccess: (next) => {
          notify.success(`${action.label}：已办理，案件状态为“${next.case.stateLabel}”`);
          onClose();
        },
        onError: (failure) => {
          if (!(failure instanceof ApiError) || failure.status === 401) {
            showError(failure);
            return;
          }
          const path = actionErrorPath(form, failure.field);
          if (failure.status === 400 && path) {
            antdForm.setFields([{ name: path, errors: [failure.message] }]);
            return;
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  return (
    <Modal
      title={action.label}
      open
      width={form.length > 3 ? 720 : 520}
      okText={action.label}
      cancelText="取消"
      okButtonProps={{ danger: dangerActions.has(action.name) }}
      confirmLoading={perform.isPending}
      onCancel={onClose}
      onOk={() => antdForm.submit()}
      destroyOnHidden
    >
      {action.citation ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          依据：{action.citation}
        </Typography.Paragraph>
      ) : null}
      {refusal ? (
        <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={antdForm}
        layout="vertical"
        initialValues={initialActionValues(action.name, detail.case)}
        onFinish={submit}
      >
        {form.length === 0 ? <Typography.Text>确定{action.label}？</Typography.Text> : null}
        <ActionFormItems form={form} />
      </Form>
    </Modal>
  );
}

/** 下一步办理: a button per step the user may take now, each opening the form of that step. */
export function CaseActionPanel({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState<NextActionView | null>(null);
  const actions = detail.nextActions.filter((action) => isActionApplicable(action.name, detail.deadlines));
  if (actions.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="当前环节没有需要您办理的事项"
        style={{ margin: '8px 0' }}
      />
    );
  }
  return (
    <>
      <Space wrap>
        {actions.map((action) => (
          <Tooltip key={action.name} title={action.citation ? `依据：${action.citation}` : undefined}>
            <Button
              type={forwardActions.has(action.name) ? 'primary' : 'default'}
              danger={dangerActions.has(action.name)}
              onClick={() => setOpen(action)}
            >
              {action.label}
            </Button>
          </Tooltip>
        ))}
      </Space>
      {open ? (
        <ActionModal key={open.name} detail={detail} action={open} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
