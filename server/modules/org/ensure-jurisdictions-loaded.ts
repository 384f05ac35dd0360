import type { Deps } from '../../core/context';
import { countJurisdictions, insertJurisdictions, type JurisdictionRow } from './org-repository';
import henanJurisdictions from './jurisdiction-data/jurisdictions-410000.json';

/** The committed GB/T 2260 codes (河南省, and 洛阳市's townships): see jurisdiction-data/README.md. */
export const bundledJurisdictions: JurisdictionRow[] = henanJurisdictions;

/** First-start step: loads the jurisdictions reference table when it is empty. No banner lines. */
export async function ensureJurisdictionsLoaded(deps: Deps): Promise<string[]> {
  if ((await countJurisdictions(deps.db)) > 0) return [];
  await deps.db.transaction(async (tx) => insertJurisdictions(tx, bundledJurisdictions));
  deps.logger.info({ count: bundledJurisdictions.length }, 'jurisdictions loaded');
  return [];
}
