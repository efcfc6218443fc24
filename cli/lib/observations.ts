/**
 * The `--observations` JSON-lines format (design.md §4), validated with valibot: one
 * {"host", "ips"?, "cnames"?, "ns"?, "headers"?} per line; blank lines skipped; a bad line is reported by number
 * and skipped, the rest still run.
 */
import * as v from 'valibot';
import type { Observation } from '../../utils/attribute/types';

const ObservationSchema = v.object({
  host: v.pipe(v.string(), v.minLength(1)),
  ips: v.optional(v.array(v.string())),
  cnames: v.optional(v.array(v.string())),
  ns: v.optional(v.array(v.string())),
  headers: v.optional(v.record(v.string(), v.string())),
});

export function parseObservationLines(text: string): { observations: Observation[]; errors: string[] } {
  const observations: Observation[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${i + 1}: invalid JSON (${(e as Error).message})`);
      return;
    }
    const r = v.safeParse(ObservationSchema, json);
    if (r.success) observations.push(r.output);
    else errors.push(`line ${i + 1}: ${r.issues[0]?.message ?? 'invalid observation'}`);
  });
  return { observations, errors };
}
