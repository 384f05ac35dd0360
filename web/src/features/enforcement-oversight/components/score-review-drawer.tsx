import {
  Button,
  Descriptions,
  Drawer,
  Input,
  InputNumber,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ReviewChecklistItem } from '../../../../../contracts/enforcement';
import { reviewGradeLabels, type ReviewGrade } from '../../../../../contracts/enforcement-oversight';
import { casePath } from '../../../config/paths';
import { showError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useReview } from '../api/get-case-reviews';
import { useScoreReview } from '../api/save-case-review';
import { gradeColors } from './oversight-format';

interface Props {
  reviewId: string | null;
  canScore: boolean;
  onClose: () => void;
}

type Scores = Record<string, { score: number | null; note: string }>;

/** Scores one sampled case item by item on its checklist; the total and the grade follow the thresholds. */
export function ScoreReviewDrawer({ reviewId, canScore, onClose }: Props) {
  const detail = useReview(reviewId);
  const score = useScoreReview();
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const review = detail.data?.review;
  const checklist = detail.data?.checklist;

  useEffect(() => {
    if (!review || !checklist) return;
    setScores(
      Object.fromEntries(
        checklist.items.map((item) => {
          const given = review.scores[item.key];
          return [item.key, { score: given ? given.score : item.maxScore, note: given?.note ?? '' }];
        }),
      ),
    );
    setComment(review.comment ?? '');
  }, [review, checklist]);

  const total = useMemo(
    () => Math.round(Object.values(scores).reduce((sum, entry) => sum + (entry.score ?? 0), 0) * 100) / 100,
    [scores],
  );
  const grade: ReviewGrade | null = checklist
    ? total >= checklist.excellentAt
      ? 'excellent'
      : total >= checklist.passAt
        ? 'pass'
        : 'fail'
    : null;

  const submit = () => {
    if (!reviewId) return;
    const missing = checklist?.items.find((item) => scores[item.key]?.score === null);
    if (missing) {
      notify.warning(`「${missing.label}」尚未评分`);
      return;
    }
    score.mutate(
      {
        id: reviewId,
        input: {
          scores: Object.fromEntries(
            Object.entries(scores).map(([key, entry]) => [
              key,
              { score: entry.score ?? 0, note: entry.note.trim() || null },
            ]),
          ),
          comment: comment.trim() || null,
        },
      },
      {
        onSuccess: (saved) => {
          notify.success(
            `已评分：${saved.totalScore ?? 0} 分（${saved.grade ? reviewGradeLabels[saved.grade] : ''}）`,
          );
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Drawer
      title="案卷评分"
      width={960}
      open={reviewId !== null}
      onClose={onClose}
      destroyOnHidden
      extra={
        canScore ? (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={score.isPending} onClick={submit}>
              保存评分
            </Button>
          </Space>
        ) : null
      }
    >
      {review && checklist ? (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="案件">
              <Link to={casePath(review.caseId)}>
                {review.caseNumber} {review.caseTitle}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label="执法主体">{review.organizationName}</Descriptions.Item>
            <Descriptions.Item label="评查活动">{review.campaign}</Descriptions.Item>
            <Descriptions.Item label="评查标准">{checklist.name}</Descriptions.Item>
            <Descriptions.Item label="抽取">
              {review.sampledByName} {formatDateTime(review.sampledAt)}
            </Descriptions.Item>
            <Descriptions.Item label="评分">
              {review.reviewerName ? `${review.reviewerName} ${formatDateTime(review.scoredAt)}` : '尚未评分'}
            </Descriptions.Item>
          </Descriptions>
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic title="得分" value={total} suffix={`/ ${checklist.totalScore}`} />
            <Statistic
              title="等次"
              valueRender={() =>
                grade ? <Tag color={gradeColors[grade]}>{reviewGradeLabels[grade]}</Tag> : '—'
              }
            />
            <Typography.Text type="secondary">
              {checklist.excellentAt} 分以上为优秀，{checklist.passAt} 分以上为合格
            </Typography.Text>
          </Space>
          <Table<ReviewChecklistItem>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={checklist.items}
            columns={[
              {
                title: '类别',
                dataIndex: 'category',
                width: 90,
                onCell: (item, index = 0) => {
                  const previous = checklist.items[index - 1];
                  if (previous?.category === item.category) return { rowSpan: 0 };
                  let span = 1;
                  while (checklist.items[index + span]?.category === item.category) span += 1;
                  return { rowSpan: span };
                },
              },
              { title: '评查项目', dataIndex: 'label' },
              { title: '分值', dataIndex: 'maxScore', width: 60 },
              {
                title: '得分',
                width: 110,
                render: (_, item) => (
                  <InputNumber
                    min={0}
                    max={item.maxScore}
                    step={0.5}
                    disabled={!canScore}
                    value={scores[item.key]?.score ?? null}
                    onChange={(value) =>
                      setScores((current) => ({
                        ...current,
                        [item.key]: { note: current[item.key]?.note ?? '', score: value },
                      }))
                    }
                  />
                ),
              },
              {
                title: '扣分说明',
                width: 240,
                render: (_, item) => (
                  <Input
                    disabled={!canScore}
                    maxLength={500}
                    value={scores[item.key]?.note ?? ''}
                    onChange={(event) =>
                      setScores((current) => ({
                        ...current,
                        [item.key]: { score: current[item.key]?.score ?? null, note: event.target.value },
                      }))
                    }
                  />
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            评查意见
          </Typography.Title>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            disabled={!canScore}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </>
      ) : null}
    </Drawer>
  );
}
