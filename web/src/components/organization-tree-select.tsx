import { TreeSelect } from 'antd';

/** The minimal tree shape a selector needs; features map their data onto it. */
export interface TreeOption {
  id: string;
  name: string;
  isActive?: boolean;
  children: TreeOption[];
}

interface TreeSelectData {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeSelectData[];
}

const toData = (nodes: TreeOption[]): TreeSelectData[] =>
  nodes.map((node) => ({
    value: node.id,
    title: node.isActive === false ? `${node.name}（已撤销）` : node.name,
    children: toData(node.children),
  }));

interface Props {
  /** set by Form.Item so the label points at the input */
  id?: string;
  tree: TreeOption[];
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  loading?: boolean;
  disabled?: boolean;
}

/** Picks one organization from a tree, searchable by name. */
export function OrganizationTreeSelect({
  id,
  tree,
  value,
  onChange,
  placeholder = '选择组织',
  allowClear,
  style,
  loading,
  disabled,
}: Props) {
  return (
    <TreeSelect
      id={id}
      disabled={disabled}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={tree.map((node) => node.id)}
      allowClear={allowClear}
      placeholder={loading ? '正在加载组织…' : placeholder}
      treeData={toData(tree)}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
