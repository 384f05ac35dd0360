import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { notify } from '../../../lib/notify';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  calendarDayKindLabels,
  calendarDayKinds,
  type CalendarDayKind,
  type CalendarYearSummary,
} from '../../../../../contracts/calendar';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCalendarYear, useCalendarYears, useSaveCalendarYear } from '../api/calendar';

interface Row {
  key: number;
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function YearEditor({ year, isNew }: { year: number; isNew: boolean }) {
  const detail = useCalendarYear(isNew ? null : year);
  const save = useSaveCalendarYear();
  const [rows, setRows] = useState<Row[]>([]);
  const [noticeTitle, setNoticeTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [nextKey, setNextKey] = useState(1);

  useEffect(() => {
    setError(null);
    if (isNew) {
      setRows([]);
      setNoticeTitle(`国务院办公厅关于${year}年部分节假日安排的通知`);
      return;
    }
    if (!detail.data) return;
    setRows(
      detail.data.days.map((day, index) => ({
        key: index + 1,
        date: day.date,
        kind: day.kind,
        name: day.name,
      })),
    );
    setNextKey(detail.data.days.length + 1);
    setNoticeTitle(detail.data.noticeTitle ?? '');
  }, [detail.data, isNew, year]);

  const update = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = () => {
    setError(null);
    if (rows.some((row) => !row.date || !row.name.trim())) {
      setError('每一行都要填写日期和名称');
      return;
    }
    const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
    save.mutate(
      {
        year,
        body: {
          noticeTitle: noticeTitle.trim(),
          holidays: sorted
            .filter((row) => row.kind === 'holiday')
            .map((row) => ({ date: row.date, name: row.name.trim() })),
          workdays: sorted
            .filter((row) => row.kind === 'workday')
            .map((row) => ({ date: row.date, name: row.name.trim() })),
        },
      },
      {
        onSuccess: (saved) => {
          const moved = saved.recomputedDeadlines.length;
          const published = saved.recomputedPublications.length;
          const parts = [
            ...(moved > 0 ? [`${moved} 个期限的到期日已重新计算`] : []),
            ...(published > 0 ? [`${published} 项待定的公示期限已计算`] : []),
          ];
          notify.success(parts.length > 0 ? `已保存，${parts.join('，')}` : '已保存');
        },
        onError: (failure) => setError(failure instanceof ApiError ? failure.message : '保存失败'),
      },
    );
  };

  return (
    <Card
      size="small"
      title={`${year}年 放假和调休上班日期`}
      loading={detail.isLoading}
      extra={
        <Button type="primary" loading={save.isPending} onClick={submit}>
          保存
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅当年的节假日安排通知录入：放假日期只需录入落在工作日（周一至周五）的日子；调休上班日期录入落在周末的日子。保存后，受影响的未完成期限会自动重算并记入审计日志。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
      ) : null}
      <Space style={{ marginBottom: 12, width: '100%' }} direction="vertical">
        <span>通知标题</span>
        <Input value={noticeTitle} maxLength={200} onChange={(event) => setNoticeTitle(event.target.value)} />
      </Space>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚未录入日期' }}
        columns={[
          {
            title: '日期',
            dataIndex: 'date',
            width: 220,
            render: (value: string, row) => (
              <Space>
                <DatePicker
                  value={value ? dayjs(value) : null}
                  format="YYYY年M月D日"
                  allowClear={false}
                  minDate={dayjs(`${year}-01-01`)}
                  maxDate={dayjs(`${year}-12-31`)}
                  onChange={(next) => update(row.key, { date: next.format('YYYY-MM-DD') })}
                />
                {value ? <span style={{ color: '#8c8c8c' }}>{weekdays[dayjs(value).day()]}</span> : null}
              </Space>
            ),
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 200,
            render: (value: CalendarDayKind, row) => (
              <Select<CalendarDayKind>
                value={value}
                style={{ width: 180 }}
                options={calendarDayKinds.map((kind) => ({
                  value: kind,
                  label: calendarDayKindLabels[kind],
                }))}
                onChange={(kind) => update(row.key, { kind })}
              />
            ),
          },
          {
            title: '名称',
            dataIndex: 'name',
            render: (value: string, row) => (
              <Input
                value={value}
                maxLength={40}
                placeholder="例如：春节"
                onChange={(event) => update(row.key, { name: event.target.value })}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_: unknown, row) => (
              <Button
                icon={<DeleteOutlined />}
                aria-label="删除此日期"
                onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
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
        onClick={() => {
          setRows((current) => [...current, { key: nextKey, date: '', kind: 'holiday', name: '' }]);
          setNextKey(nextKey + 1);
        }}
      >
        添加日期
      </Button>
    </Card>
  );
}

/** 节假日日历 (system administrator): the years the working-day calendar knows, and entering a new one. */
export function CalendarView() {
  const years = useCalendarYears();
  const [selected, setSelected] = useState<{ year: number; isNew: boolean } | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const items = years.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="节假日日历"
        description="工作日计算所依据的法定节假日和调休上班日。没有数据的年份，平台拒绝计算期限，不会猜测。"
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Card
          size="small"
          title="已有数据的年份"
          style={{ flex: '1 1 520px', minWidth: 0 }}
          extra={
            <Space>
              <InputNumber<number>
                min={2000}
                max={2100}
                placeholder="年份"
                value={newYear}
                onChange={(value) => setNewYear(value)}
                style={{ width: 100 }}
              />
              <Button
                icon={<PlusOutlined />}
                disabled={newYear === null}
                onClick={() => {
                  if (newYear === null) return;
                  setSelected({ year: newYear, isNew: !items.some((item) => item.year === newYear) });
                }}
              >
                录入年份
              </Button>
            </Space>
          }
        >
          <Table<CalendarYearSummary>
            rowKey="year"
            size="small"
            loading={years.isLoading}
            dataSource={[...items].sort((a, b) => b.year - a.year)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowClassName={(row) => (row.year === selected?.year ? 'ant-table-row-selected' : '')}
            onRow={(row) => ({
              onClick: () => setSelected({ year: row.year, isNew: false }),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: '年份', dataIndex: 'year', width: 80, render: (value: number) => `${value}年` },
              {
                title: '来源',
                dataIndex: 'sourceLabel',
                width: 180,
                render: (value: string, row) => (
                  <Tag color={row.source === 'manual' ? 'blue' : 'default'}>{value}</Tag>
                ),
              },
              {
                title: '放假',
                dataIndex: 'holidayCount',
                width: 70,
                render: (value: number) => `${value} 天`,
              },
              {
                title: '调休上班',
                dataIndex: 'workdayCount',
                width: 90,
                render: (value: number) => `${value} 天`,
              },
              { title: '更新时间', dataIndex: 'updatedAt', render: (value: string) => formatDateTime(value) },
            ]}
          />
          {items.length > 0 ? (
            <Typography.Text type="secondary">
              数据覆盖 {formatDate(`${String(Math.min(...items.map((item) => item.year)))}-01-01`)} 至{' '}
              {formatDate(`${String(Math.max(...items.map((item) => item.year)))}-12-31`)}
            </Typography.Text>
          ) : null}
        </Card>
        <div style={{ flex: '1 1 640px', minWidth: 0 }}>
          {selected ? (
            <YearEditor
              key={`${String(selected.year)}-${String(selected.isNew)}`}
              year={selected.year}
              isNew={selected.isNew}
            />
          ) : (
            <Card size="small">
              <Empty description="点击左侧年份查看或更正；录入新的年份请在上方填写年份" />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
