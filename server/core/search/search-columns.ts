import { customType } from 'drizzle-orm/pg-core';

/**
 * A `tsvector` column holding Chinese text segmented into words (DESIGN.md core mechanism 8).
 * Written with `toSearchVector(segmentedWords(text))`, searched with `matchesSearch`.
 */
export const searchVector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});
