import {
  authorityTypeLabels,
  certificateStatusLabels,
  genderLabels,
  organizationKindLabels,
  personDutyLabels,
  type AuthorityType,
  type Certificate,
  type CertificateStatus,
  type Organization,
  type OrganizationKind,
  type Person,
  type PersonDuty,
} from '../../../contracts/org';
import { civilDate } from '../../core/clock';
import type { ExportColumn } from '../../core/exports/excel';
import type { CertificateRecord, OrganizationRecord, PersonRecord } from './org-repository';
import { isCertificateValidOn } from './org-rules';

/** What leaves the server for the console. ID numbers only ever leave masked. */

export function presentOrganization(record: OrganizationRecord): Organization {
  const kind = record.kind as OrganizationKind;
  const authorityType = record.authorityType as AuthorityType | null;
  return {
    id: record.id,
    parentId: record.parentId,
    parentName: record.parentName,
    path: record.path,
    depth: record.path.split('/').filter(Boolean).length - 1,
    jurisdictionCode: record.jurisdictionCode,
    jurisdictionName: record.jurisdictionName,
    name: record.name,
    shortName: record.shortName,
    kind,
    kindLabel: organizationKindLabels[kind],
    authorityType,
    authorityTypeLabel: authorityType ? authorityTypeLabels[authorityType] : null,
    creditCode: record.creditCode,
    enforcementField: record.enforcementField,
    address: record.address,
    phone: record.phone,
    sortOrder: record.sortOrder,
    isActive: record.isActive,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentPerson(record: PersonRecord): Person {
  const duties = record.duties as PersonDuty[];
  return {
    id: record.id,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    name: record.name,
    gender: record.gender as Person['gender'],
    idNumberMasked: record.idNumberMasked,
    phone: record.phone,
    position: record.position,
    duties,
    dutyLabels: duties.map((duty) => personDutyLabels[duty]),
    hasLegalQualification: record.hasLegalQualification,
    isActive: record.isActive,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function presentCertificate(record: CertificateRecord, now: Date): Certificate {
  const status = record.status as CertificateStatus;
  return {
    id: record.id,
    personId: record.personId,
    personName: record.personName,
    organizationId: record.organizationId,
    organizationName: record.organizationName,
    number: record.number,
    field: record.field,
    issuedBy: record.issuedBy,
    issuedOn: record.issuedOn,
    expiresOn: record.expiresOn,
    status,
    statusLabel: certificateStatusLabels[status],
    isCurrentlyValid: isCertificateValidOn(record, civilDate(now)),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

const yesNo = (value: boolean) => (value ? '是' : '否');

/** Export columns: the same headers the import templates use, so an export can be edited and re-imported elsewhere. */
export const organizationExportColumns: ExportColumn<OrganizationRecord>[] = [
  { header: '名称', width: 36, value: (row) => row.name },
  { header: '简称', value: (row) => row.shortName },
  { header: '上级组织', width: 30, value: (row) => row.parentName },
  { header: '类型', value: (row) => organizationKindLabels[row.kind as OrganizationKind] },
  { header: '行政区划代码', value: (row) => row.jurisdictionCode },
  { header: '行政区划', value: (row) => row.jurisdictionName },
  {
    header: '执法主体类型',
    width: 20,
    value: (row) => (row.authorityType ? authorityTypeLabels[row.authorityType as AuthorityType] : null),
  },
  { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
  { header: '执法领域', value: (row) => row.enforcementField },
  { header: '地址', width: 30, value: (row) => row.address },
  { header: '电话', value: (row) => row.phone },
  { header: '状态', width: 8, value: (row) => (row.isActive ? '启用' : '停用') },
];

export const personExportColumns: ExportColumn<PersonRecord>[] = [
  { header: '所属组织', width: 30, value: (row) => row.organizationName },
  { header: '姓名', value: (row) => row.name },
  {
    header: '性别',
    width: 8,
    value: (row) => (row.gender ? genderLabels[row.gender as 'male' | 'female'] : null),
  },
  { header: '身份证号码（脱敏）', width: 22, value: (row) => row.idNumberMasked },
  { header: '电话', value: (row) => row.phone },
  { header: '职务', value: (row) => row.position },
  {
    header: '职责',
    width: 30,
    value: (row) => row.duties.map((duty) => personDutyLabels[duty as PersonDuty]).join('、'),
  },
  { header: '法律职业资格', width: 12, value: (row) => yesNo(row.hasLegalQualification) },
  { header: '状态', width: 8, value: (row) => (row.isActive ? '在职' : '离职') },
];

export const certificateExportColumns = (now: Date): ExportColumn<CertificateRecord>[] => [
  { header: '执法证号', width: 20, value: (row) => row.number },
  { header: '持证人', value: (row) => row.personName },
  { header: '所属组织', width: 30, value: (row) => row.organizationName },
  { header: '执法类别', value: (row) => row.field },
  { header: '发证机关', width: 24, value: (row) => row.issuedBy },
  { header: '发证日期', value: (row) => row.issuedOn },
  { header: '有效期至', value: (row) => row.expiresOn },
  { header: '状态', width: 8, value: (row) => certificateStatusLabels[row.status as CertificateStatus] },
  { header: '今日有效', width: 10, value: (row) => yesNo(isCertificateValidOn(row, civilDate(now))) },
];
