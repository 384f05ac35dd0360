import { Alert, Button, Card, DatePicker, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CiteResult, ResolvedCitation } from '../../../../../contracts/law';
import { lawArticlePath } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { citedPlace } from '../../../lib/law-citation';
import { useCiteLaws } from '../api/cite-laws';

const sample = '依据《中华人民共和国行政处罚法》第五十八条第一款第（三）项、《行政许可法》第三十二条';

function ResolvedItem({ citation, base }: { citation: ResolvedCitation; base: 'portal' | 'console' }) {
  const { law } = citation;
  if (citation.status !== 'resolved' || !law) {
    return (
      <List.Item>
        <div data-testid="citation-result">
          <Typography.Text strong>{citation.raw}</Typography.Text>
          <div>
            <Typography.Text type="danger">{citation.problem ?? '引用无法解析'}</Typography.Text>
          </div>
        </div>
      </List.Item>
    );
  }
  return (
    <List.Item>
      <div data-testid="citation-result" style={{ width: '100%' }}>
        <Space wrap size={8} style={{ marginBottom: 4 }}>
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            已解析
          </Tag>
          <Link
            to={lawArticlePath(base, law.id, { number: citation.article, subNumber: citation.articleSub })}
          >
            《{law.title}》{citedPlace(citation)}
          </Link>
          <Typography.Text type="secondary">
            {formatDate(law.versionDate)}版{law.effectiveOn ? `，${formatDate(law.effectiveOn)}起施行` : ''}
          </Typography.Text>
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
          {citation.text ?? citation.articleText}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原文：{citation.raw}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

function CiteResultView({ result, base }: { result: CiteResult; base: 'portal' | 'console' }) {
  const resolved = result.citations.filter((citation) => citation.status === 'resolved').length;
  const failed = result.citations.length - resolved + result.problems.length;
  if (result.citations.length === 0 && result.problems.length === 0) {
    return (
      <Empty description="文本中没有找到法规引用。引用应写成《法规名称》第某条，例如《行政处罚法》第五十八条。" />
    );
  }
  return (
    <>
      <Alert
        type={failed === 0 ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 8 }}
        message={`找到 ${result.citations.length + result.problems.length} 处引用：${resolved} 处已解析${failed ? `，${failed} 处有问题` : ''}`}
      />
      <List
        dataSource={result.citations}
        renderItem={(citation) => <ResolvedItem citation={citation} base={base} />}
      />
      {result.problems.length > 0 ? (
        <List
          header={<Typography.Text strong>无法识别的写法</Typography.Text>}
          dataSource={result.problems}
          renderItem={(problem) => (
            <List.Item>
              <div data-testid="citation-result">
                <Typography.Text strong>{problem.raw}</Typography.Text>
                <div>
                  <Typography.Text type="danger">{problem.message}</Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : null}
    </>
  );
}

/** 引用解析: paste a text, pick the date it speaks of, and see each cited article in the version then in force. */
export function CitationTool({ base }: { base: 'portal' | 'console' }) {
  const [form] = Form.useForm<{ text: string }>();
  // kept outside the form: antd's form compares its values deeply, and a dayjs value makes it warn
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const cite = useCiteLaws();
  const error =
    cite.error instanceof ApiError ? cite.error.message : cite.error ? '解析失败，请稍后重试' : null;

  return (
    <Card size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ text: '' }}
        onFinish={(values) => cite.mutate({ text: values.text, date: date.format('YYYY-MM-DD') })}
      >
        <Form.Item
          name="text"
          label="引用文本"
          extra="粘贴执法文书、权责清单或规范性文件中的依据，可包含多处引用。"
          rules={[{ required: true, whitespace: true, message: '请填写要解析的引用文本' }]}
        >
          <Input.TextArea rows={4} maxLength={20_000} placeholder={`例如：${sample}`} />
        </Form.Item>
        <Space align="end" wrap>
          <div>
            <label htmlFor="cite-date" style={{ display: 'block', paddingBottom: 8 }}>
              适用日期
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                按这一天施行的版本解析
              </Typography.Text>
            </label>
            <DatePicker
              id="cite-date"
              allowClear={false}
              value={date}
              onChange={(picked: Dayjs | null) => setDate(picked ?? dayjs())}
              format="YYYY年M月D日"
              style={{ width: 180 }}
            />
          </div>
          <Button type="primary" htmlType="submit" loading={cite.isPending}>
            解析引用
          </Button>
          <Button onClick={() => form.setFieldValue('text', sample)}>填入示例</Button>
        </Space>
      </Form>
      <div style={{ marginTop: 16 }}>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {cite.data ? <CiteResultView result={cite.data} base={base} /> : null}
      </div>
    </Card>
  );
}
