// Every table of the platform, for Drizzle and drizzle-kit. Each module owns its *-tables.ts.
export * from '../access/access-tables';
export * from '../audit/audit-tables';
export * from '../calendar/calendar-tables';
export * from '../files/file-tables';
export * from '../procedures/procedure-tables';
export * from '../../modules/org/org-tables';
export * from '../../modules/law/law-tables';
export * from '../../modules/powers/power-tables';
export * from '../publication/publication-tables';
export * from '../documents/document-tables';
export * from '../../modules/enforcement/enforcement-tables';
export * from '../imports/import-tables';
export * from '../../modules/spotchecks/spotcheck-tables';
