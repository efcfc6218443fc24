/**
 * The "add a mapping" form's fields → a UserMapping, or an error per field. Field checks give plain words;
 * the stored form is then validated by the same parseUserMappings the background uses.
 */
import { isDnsName } from '../../utils/attribute/doh';
import { isCidrMapping, parseUserMappings, type UserMapping } from '../../utils/attribute/user-mapping';

/** The form's four text inputs, as typed (untrimmed); empty region/service mean "none". */
export interface MappingFields {
  match: string;
  provider: string;
  region: string;
  service: string;
}

/** One message per field that is wrong, plus `form` for a problem with the mapping as a whole. */
export type MappingFieldErrors = Partial<Record<keyof MappingFields | 'form', string>>;

export const EMPTY_MAPPING_FIELDS: MappingFields = { match: '', provider: '', region: '', service: '' };

export function validateMappingFields(
  fields: MappingFields,
  existing: readonly UserMapping[],
): { mapping: UserMapping } | { errors: MappingFieldErrors } {
  const errors: MappingFieldErrors = {};
  const match = fields.match.trim().toLowerCase().replace(/\.$/, '');
  if (match === '') errors.match = 'Enter an address range (10.1.0.0/16) or a host name (corp.example).';
  else if (!isCidrMapping({ match }) && (match.includes('/') || !isDnsName(match))) {
    errors.match = 'Not an address range or host name. Examples: 10.1.0.0/16, 2001:db8::/32, corp.example.';
  } else if (existing.some((m) => m.match.toLowerCase() === match)) {
    errors.match = 'There is already a mapping for this.';
  }
  const provider = fields.provider.trim().toLowerCase();
  if (provider === '') errors.provider = 'Enter a provider, for example aws or my-company.';
  else if (!/^[a-z0-9][a-z0-9-]*$/.test(provider)) {
    errors.provider = 'Use letters, digits and dashes only, for example aws or my-company.';
  }
  if (Object.keys(errors).length > 0) return { errors };

  const candidate = {
    match,
    provider,
    region: fields.region.trim() === '' ? null : fields.region.trim(),
    service: fields.service.trim() === '' ? null : fields.service.trim(),
  };
  const parsed = parseUserMappings([candidate]);
  const mapping = parsed.mappings[0];
  if (!mapping) return { errors: { form: parsed.errors[0] ?? 'This mapping is not valid.' } };
  return { mapping };
}

export function describeMapping(m: UserMapping): string {
  return [m.provider, m.region, m.service]
    .filter((x) => x !== null && x !== undefined && x !== '')
    .join(' · ');
}
