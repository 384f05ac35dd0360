import { Tooltip, Typography } from 'antd';

const mono = { fontFamily: 'SFMono-Regular, Consolas, "Liberation Mono", Menlo, monospace' };

/**
 * A SHA-256 value (64 hex characters), console and portal alike: shortened to its first and last 8 in lists, whole on the
 * plan's page; either way the copy button copies the whole value.
 */
export function HashText({ value, isShort = false }: { value: string | null; isShort?: boolean }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const copyable = { text: value, tooltips: ['复制完整值', '已复制'] };
  if (!isShort) {
    return (
      <Typography.Text copyable={copyable} style={{ ...mono, wordBreak: 'break-all' }}>
        {value}
      </Typography.Text>
    );
  }
  return (
    <Tooltip title={value}>
      <Typography.Text copyable={copyable} style={mono}>
        {`${value.slice(0, 8)}…${value.slice(-8)}`}
      </Typography.Text>
    </Tooltip>
  );
}
