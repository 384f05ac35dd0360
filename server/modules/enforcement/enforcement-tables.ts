import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantCode, updatedAt } from '../../core/db/columns';
import { searchVector } from '../../core/search/search-columns';

/**
 * 行政执法 under the three systems. A case is the subject of a procedure instance (the core engine
 * holds its state, steps and deadlines); this table keeps what lists, documents, publicity and
 * oversight read, written by the enforcement service in the same transaction as each action.
 * Money is kept in 分.
 */

/** 当事人: an enterprise by 统一社会信用代码, or a natural person whose ID number is kept encrypted. */
export const enforcementParties = pgTable(
  'enforcement_parties',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** enterprise | person */
    kind: varchar('kind', { length: 16 }).notNull(),
    name: text('name').notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    /** AES-256-GCM (core/crypto field encryption) */
    idNumberEncrypted: text('id_number_encrypted'),
    idNumberMasked: varchar('id_number_masked', { length: 24 }),
    /** HMAC-SHA256 of the ID number under the field key: finds the same person without decrypting */
    idNumberDigest: varchar('id_number_digest', { length: 64 }),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    phone: varchar('phone', { length: 32 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('enforcement_parties_credit_idx').on(table.tenantCode, table.creditCode),
    index('enforcement_parties_id_digest_idx').on(table.tenantCode, table.idNumberDigest),
  ],
);

/** 案件 */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** the enforcement body (执法主体) */
    organizationId: uuid('organization_id').notNull(),
    instanceId: uuid('instance_id').notNull(),
    /** ordinary | summary */
    procedure: varchar('procedure', { length: 16 }).notNull(),
    /** 立案编号, e.g. 示市监立〔2026〕12号 */
    caseNumber: varchar('case_number', { length: 64 }).notNull(),
    year: integer('year').notNull(),
    /** 案由 */
    title: text('title').notNull(),
    /** spotCheck | complaint | referral | report | patrol */
    source: varchar('source', { length: 16 }).notNull(),
    sourceDetail: text('source_detail'),
    /** the power item of the body's 权责清单 the case is brought under (清单之外无权力) */
    powerItemId: uuid('power_item_id').notNull(),
    powerItemVersionId: uuid('power_item_version_id').notNull(),
    powerItemCode: varchar('power_item_code', { length: 64 }).notNull(),
    powerItemName: text('power_item_name').notNull(),
    /** the body's 执法领域, which picks the publication rule */
    field: text('field'),
    partyId: uuid('party_id').notNull(),
    /** enterprise | person, copied for lists and publicity */
    partyKind: varchar('party_kind', { length: 16 }).notNull(),
    partyName: text('party_name').notNull(),
    /** the procedure state, mirrored for lists */
    state: varchar('state', { length: 32 }).notNull(),
    isMajor: boolean('is_major').notNull().default(false),
    majorReasons: text('major_reasons').array().notNull().default([]),
    requiresDeliberation: boolean('requires_deliberation').notNull().default(false),
    hearingEligible: boolean('hearing_eligible').notNull().default(false),
    /** 承办人 (people ids), at least two */
    officerPersonIds: uuid('officer_person_ids').array().notNull(),
    facts: text('facts'),
    occurredOn: date('occurred_on', { mode: 'string' }),
    /** { kinds, fineFen, confiscationFen, detail } */
    proposedPenalty: jsonb('proposed_penalty'),
    /** { benchmarkId, circumstanceKey, circumstanceLabel, outcome, fineMinFen, fineMaxFen, outsideRange, reason } */
    discretion: jsonb('discretion'),
    /** penalty | noPenalty */
    decisionOutcome: varchar('decision_outcome', { length: 16 }),
    decidedPenalty: jsonb('decided_penalty'),
    /** the decided fine, for sums and ranges */
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
    surchargeFen: bigint('surcharge_fen', { mode: 'number' }).notNull().default(0),
    decisionNumber: varchar('decision_number', { length: 64 }),
    /** agree | problems (the latest opinion) */
    legalReviewConclusion: varchar('legal_review_conclusion', { length: 16 }),
    legalReviewedOn: date('legal_reviewed_on', { mode: 'string' }),
    deliberatedOn: date('deliberated_on', { mode: 'string' }),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    servedOn: date('served_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    archivedOn: date('archived_on', { mode: 'string' }),
    /** the earliest open deadline's due date, kept for lists and the workbench */
    nextDueDate: date('next_due_date', { mode: 'string' }),
    searchVector: searchVector('search_vector'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('enforcement_cases_org_idx').on(table.tenantCode, table.organizationId, table.registeredOn),
    index('enforcement_cases_state_idx').on(table.tenantCode, table.state),
    index('enforcement_cases_number_idx').on(table.tenantCode, table.caseNumber),
    // the search box takes a 决定书文号 too: without this index its OR with the word match scans every case
    index('enforcement_cases_decision_number_idx').on(table.tenantCode, table.decisionNumber),
    index('enforcement_cases_party_idx').on(table.tenantCode, table.partyId),
    index('enforcement_cases_instance_idx').on(table.tenantCode, table.instanceId),
    index('enforcement_cases_due_idx').on(table.tenantCode, table.nextDueDate),
    index('enforcement_cases_search_idx').using('gin', table.searchVector),
  ],
);

/** 执法全过程记录: a text record, a file (photo, audio-video, document) or both, appended to a case. */
export const enforcementCaseRecords = pgTable(
  'enforcement_case_records',
  {
    tenantCode: tenantCode(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** note | inspection | inquiry | photo | audioVideo | document | other */
    kind: varchar('kind', { length: 16 }).notNull(),
    title: text('title').notNull(),
    content: text('content'),
    /** the stored file (core/files), by SHA-256 */
    fileSha256: varchar('file_sha256', { length: 64 }),
    /** when and where the act recorded took place */
    recordedAt: instant('recorded_at').notNull(),
    location: text('location'),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name').notNull(),
    /** the case state the record was made in */
    state: varchar('state', { length: 32 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('enforcement_case_records_case_idx').on(table.tenantCode, table.caseId),
  ],
);

/** 裁量基准 of one power item: circumstances with their outcome and fine range. */
export const discretionBenchmarks = pgTable(
  'discretion_benchmarks',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    powerItemId: uuid('power_item_id').notNull(),
    basis: text('basis'),
    /** DiscretionCircumstance[] with fines in 元 */
    circumstances: jsonb('circumstances').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('discretion_benchmarks_item_idx').on(table.tenantCode, table.organizationId, table.powerItemId),
  ],
);

/** 重大执法决定法制审核目录: what makes a case of this body major. */
export const majorDecisionRules = pgTable(
  'major_decision_rules',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    title: text('title').notNull(),
    fineAtLeastFen: bigint('fine_at_least_fen', { mode: 'number' }),
    penaltyKinds: text('penalty_kinds').array().notNull().default([]),
    requiresDeliberation: boolean('requires_deliberation').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('major_decision_rules_org_idx').on(table.tenantCode, table.organizationId),
  ],
);

/** 案卷评查标准: a scoring checklist the justice bureau keeps. */
export const caseReviewChecklists = pgTable(
  'case_review_checklists',
  {
    tenantCode: tenantCode(),
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    name: text('name').notNull(),
    /** ReviewChecklistItem[] */
    items: jsonb('items').notNull(),
    /** score at or above: 优秀 / 合格 */
    excellentAt: numeric('excellent_at', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    passAt: numeric('pass_at', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.tenantCode, table.id] })],
);

/** 案卷评查: one sampled closed case and its scores. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    tenantCode: tenantCode(),
    id: id(),
    /** the sampling round, e.g. 2026年度行政执法案卷评查 */
    campaign: text('campaign').notNull(),
    year: integer('year').notNull(),
    caseId: uuid('case_id').notNull(),
    /** the case's enforcement body (scope and rankings) */
    organizationId: uuid('organization_id').notNull(),
    checklistId: uuid('checklist_id').notNull(),
    /** pending | scored */
    status: varchar('status', { length: 16 }).notNull(),
    /** { [itemKey]: { score, note } } */
    scores: jsonb('scores').notNull().default({}),
    totalScore: numeric('total_score', { precision: 6, scale: 2, mode: 'number' }),
    maxScore: numeric('max_score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    /** excellent | pass | fail */
    grade: varchar('grade', { length: 16 }),
    comment: text('comment'),
    sampledByName: text('sampled_by_name').notNull(),
    reviewerName: text('reviewer_name'),
    sampledAt: instant('sampled_at').notNull(),
    scoredAt: instant('scored_at'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantCode, table.id] }),
    index('case_reviews_case_idx').on(table.tenantCode, table.caseId),
    index('case_reviews_org_idx').on(table.tenantCode, table.organizationId, table.year),
  ],
);

export type EnforcementCaseRow = typeof enforcementCases.$inferSelect;
export type EnforcementPartyRow = typeof enforcementParties.$inferSelect;
export type EnforcementCaseRecordRow = typeof enforcementCaseRecords.$inferSelect;
export type DiscretionBenchmarkRow = typeof discretionBenchmarks.$inferSelect;
export type MajorDecisionRuleRow = typeof majorDecisionRules.$inferSelect;
export type CaseReviewRow = typeof caseReviews.$inferSelect;
