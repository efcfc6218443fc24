import * as v from 'valibot';
import { OUTCOMES } from './outcome';
import { RESOURCE_TYPES } from './resource-type';

const finiteNumber = v.pipe(v.number(), v.finite());

/**
 * Runtime shape of a LoadEvent (types.ts), for anything read back from storage or files.
 * Loose: extra fields (a stored record's `id`, `version`) pass through.
 */
export const LoadEventSchema = v.looseObject({
  time: finiteNumber,
  tabId: v.pipe(v.number(), v.integer()),
  host: v.pipe(v.string(), v.minLength(1)),
  site: v.pipe(v.string(), v.minLength(1)),
  type: v.picklist(RESOURCE_TYPES),
  outcome: v.picklist(OUTCOMES),
  error: v.optional(v.string()),
  status: v.optional(v.pipe(v.number(), v.integer())),
  ip: v.optional(v.string()),
  headers: v.optional(v.record(v.string(), v.string())),
  pageSite: v.optional(v.string()),
  fromCache: v.optional(v.boolean()),
});
