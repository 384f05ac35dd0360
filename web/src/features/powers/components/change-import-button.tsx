import { listKindLabels, type ListKind } from '../../../../../contracts/powers';
import { ImportButton } from '../../../components/excel-buttons';

interface Props {
  changeSetId: string;
  listKind: ListKind;
  onImported: () => void;
}

/** 从 Excel 导入调整: the template of the list kind, then the filled sheet; a refused sheet comes back with its problems. */
export function ChangeImportButton({ changeSetId, listKind, onImported }: Props) {
  return (
    <ImportButton
      subject="调整"
      unit="项"
      buttonLabel="Excel 导入"
      importPath={`/api/powers/change-sets/${changeSetId}/import`}
      templatePath="/api/powers/template.xlsx"
      templateQuery={{ listKind }}
      templateName={`${listKindLabels[listKind]}调整导入模板.xlsx`}
      templateHint="第一步：下载导入模板，每行一项调整，“调整类型”列填写新增、变更或取消。"
      onImported={onImported}
    />
  );
}
