import type { Deps } from './context';
import { ensureSigningKey } from './audit/ensure-signing-key';
import { ensureCalendarLoaded } from './calendar/ensure-calendar-loaded';
import { markInterruptedImports } from './imports/import-jobs';
import { ensureJurisdictionsLoaded } from '../modules/org/ensure-jurisdictions-loaded';
import { ensureDemoCity } from '../modules/org/demo/ensure-demo-city';
import { ensureDemoPowerLists } from '../modules/powers/demo/ensure-demo-power-lists';
import { ensureLawLibrary } from '../modules/law/ensure-law-library';
import { demoListDeps, ensureDemoCases } from '../modules/enforcement/demo/ensure-demo-cases';
import { ensureDemoEntities } from '../modules/spotchecks/demo/ensure-demo-entities';
import { ensureDemoCommitments } from '../modules/spotchecks/demo/ensure-demo-commitments';
import { ensureDemoSpotChecks } from '../modules/spotchecks/demo/ensure-demo-spotchecks';

/**
 * First-start work, idempotent on every start: the calendar's holiday data, the audit signing
 * key, the law library, the demo city with its power lists, its year of enforcement cases, its entity directory and its spot-check plans. Returns lines for the start banner (the demo accounts).
 */
export async function prepareOnStart(deps: Deps): Promise<string[]> {
  const steps: ((deps: Deps) => Promise<string[]>)[] = [
    ensureCalendarLoaded,
    ensureSigningKey,
    markInterruptedImports,
    ensureJurisdictionsLoaded,
    ensureLawLibrary,
    ensureDemoCity,
    // the lists are approved a week before the demo year of cases, so every case opens on an item in force
    (deps) => ensureDemoPowerLists(demoListDeps(deps)),
    ensureDemoCases,
    ensureDemoEntities,
    ensureDemoSpotChecks,
    ensureDemoCommitments,
  ];
  const lines: string[] = [];
  for (const step of steps) lines.push(...(await step(deps)));
  return lines;
}
