import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { drawAlgorithm } from '../../../../../contracts/spotchecks';

/** Why the draw is fair, in plain words: commit, freeze, reveal, and anyone can re-run it. */
export function DrawFairnessCard() {
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#a8071a' }} />
          <span>为什么说这次抽取是公平的</span>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <ol style={{ paddingLeft: 20, margin: 0, lineHeight: 1.9 }}>
        <li>
          <Typography.Text strong>先锁定名单。</Typography.Text>
          抽取前，平台把本计划的检查对象名录、检查人员名录和回避关系固定下来，算出它们的“输入摘要”。名单中任何一户、任何一人有改动，输入摘要都会完全不同。
        </li>
        <li>
          <Typography.Text strong>再公布承诺值。</Typography.Text>
          平台事先随机生成一个只有系统知道的“种子秘密值”，把它和输入摘要一起计算出“承诺值”（承诺值 =
          SHA-256（种子秘密值，输入摘要）），并在抽取之前向社会公布。承诺值一经公布就不能再改：如果平台在看到名单之后想换一个对自己有利的种子，算出的承诺值就会和已公布的对不上。
        </li>
        <li>
          <Typography.Text strong>抽取后公开种子。</Typography.Text>
          抽取时，平台公开种子秘密值（如有公开随机源，例如当日彩票开奖号码，也一并计入），按公开的抽取算法{' '}
          <Typography.Text code>{drawAlgorithm}</Typography.Text>{' '}
          抽出检查对象，并为每户随机选派至少两名检查人员，自动避开有回避关系的人员。
        </li>
        <li>
          <Typography.Text strong>任何人都能复核。</Typography.Text>
          抽取记录完整公开，可以下载。任何人用同一份记录按同一算法重新计算，都会得到完全相同的检查对象和检查人员；记录中有一处被改动，复核就会指出不一致。
        </li>
      </ol>
    </Card>
  );
}
