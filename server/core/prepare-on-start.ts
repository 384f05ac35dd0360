import type { Deps } from './context';
import { ensureSigningKey } from './audit/ensure-signing-key';
import { ensureCalendarLoaded } from './calendar/ensure-calendar-loaded';
import { ensureJurisdictionsLoaded } from '../modules/org/ensure-jurisdictions-loaded';
import { ensureDemoCity } from '../modules/org/demo/ensure-demo-city';
import { ensureDemoPowerLists } from '../modules/powers/demo/ensure-demo-power-lists';
import { ensureLawLibrary } from '../modules/law/ensure-law-library';

/**
 * First-start work, idempotent on every start: the calendar's holiday data, the audit signing
 * key, the demo city. Returns lines for the start banner (the demo accounts).
 */
export async function prepareOnStart(deps: Deps): Promise<string[]> {
  const steps: ((deps: Deps) => Promise<string[]>)[] = [
    ensureCalendarLoaded,
    ensureSigningKey,
    ensureJurisdictionsLoaded,
    ensureLawLibrary,
    ensureDemoCity,
    ensureDemoPowerLists,
  ];
  const lines: string[] = [];
  for (const step of steps) lines.push(...(await step(deps)));
  return lines;
}
