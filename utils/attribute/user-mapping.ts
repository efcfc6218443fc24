/**
 * User-defined mappings (from the options page settings): a CIDR or a host suffix → provider/region. They beat
 * every other source. Validated with valibot; invalid entries are dropped with a reason, valid ones kept.
 */
import * as v from 'valibot';
import { parseCidr } from './cidr';

export const UserMappingSchema = v.object({
  /** "10.1.0.0/16", "2001:db8::/32", or a host suffix such as "corp.example" (matches it and its subdomains). */
  match: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(253)),
  provider: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'provider id')),
  region: v.nullable(v.pipe(v.string(), v.trim(), v.minLength(1))),
  service: v.optional(v.nullable(v.string()), null),
  role: v.optional(v.picklist(['hosting', 'cdn', 'dns', 'platform']), 'hosting'),
});

export type UserMapping = v.InferOutput<typeof UserMappingSchema>;

export function isCidrMapping(m: Pick<UserMapping, 'match'>): boolean {
  return parseCidr(m.match) !== null;
}

export function parseUserMappings(input: unknown): { mappings: UserMapping[]; errors: string[] } {
  const list = Array.isArray(input) ? input : [];
  const mappings: UserMapping[] = [];
  const errors: string[] = Array.isArray(input) ? [] : ['user mappings: expected a list'];
  list.forEach((item, i) => {
    const r = v.safeParse(UserMappingSchema, item);
    if (r.success) mappings.push(r.output);
    else errors.push(`user mapping ${i}: ${r.issues[0]?.message ?? 'invalid'}`);
  });
  return { mappings, errors };
}
