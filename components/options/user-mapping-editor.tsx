import { useState } from 'preact/hooks';
import type { UserMapping } from '../../utils/attribute/user-mapping';
import {
  describeMapping,
  EMPTY_MAPPING_FIELDS,
  type MappingFieldErrors,
  type MappingFields,
  validateMappingFields,
} from './mapping-form';

export interface UserMappingEditorProps {
  mappings: UserMapping[];
  /** Problems with what is stored (shown once, above the list). */
  loadErrors: string[];
  onChange: (next: UserMapping[]) => void;
}

const FIELDS: ReadonlyArray<{
  name: keyof MappingFields;
  label: string;
  placeholder: string;
  optional?: boolean;
}> = [
  { name: 'match', label: 'Address range or host name', placeholder: '10.1.0.0/16 or corp.example' },
  { name: 'provider', label: 'Provider', placeholder: 'aws' },
  { name: 'region', label: 'Region', placeholder: 'eu-west-1', optional: true },
  { name: 'service', label: 'Service', placeholder: 'intranet', optional: true },
];

/** Section (b): the user's own mappings (CIDR or host suffix → provider/region), for private networks and tests. */
export function UserMappingEditor({ mappings, loadErrors, onChange }: UserMappingEditorProps) {
  const [fields, setFields] = useState<MappingFields>(EMPTY_MAPPING_FIELDS);
  const [errors, setErrors] = useState<MappingFieldErrors>({});

  const submit = (event: Event) => {
    event.preventDefault();
    const result = validateMappingFields(fields, mappings);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFields(EMPTY_MAPPING_FIELDS);
    onChange([...mappings, result.mapping]);
  };

  return (
    <section class="options-section" aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Your own mappings</h2>
      <p class="options-hint">
        Tell Outage Lens where addresses or sites it cannot place live, such as your company network. A host
        name also covers its subdomains. Your mappings win over every other source.
      </p>
      {loadErrors.length > 0 ? (
        <p class="options-error" role="alert">
          Some stored mappings could not be read and are not used: {loadErrors.join('; ')}
        </p>
      ) : null}
      {mappings.length === 0 ? (
        <p class="options-empty">No mappings yet.</p>
      ) : (
        <ul class="mapping-list" aria-label="Your mappings">
          {mappings.map((m, i) => (
            <li key={`${i}:${m.match}`} class="mapping-list__item">
              <code>{m.match}</code>
              <span aria-hidden="true"> → </span>
              <span>{describeMapping(m)}</span>
              <button
                type="button"
                class="link-button"
                aria-label={`Remove mapping ${m.match}`}
                onClick={() => onChange(mappings.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="mapping-form" onSubmit={submit} noValidate aria-label="Add a mapping">
        {FIELDS.map((f) => {
          const id = `mapping-${f.name}`;
          const error = errors[f.name];
          return (
            <div class="mapping-form__field" key={f.name}>
              <label for={id}>
                {f.label}
                {f.optional ? <span class="options-optional"> (optional)</span> : null}
              </label>
              <input
                id={id}
                name={f.name}
                type="text"
                autocomplete="off"
                spellcheck={false}
                placeholder={f.placeholder}
                value={fields[f.name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(e) =>
                  setFields({ ...fields, [f.name]: (e.currentTarget as HTMLInputElement).value })
                }
              />
              {error ? (
                <span id={`${id}-error`} class="options-field-error">
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
        <div class="mapping-form__submit">
          <button type="submit">Add mapping</button>
        </div>
        {errors.form ? (
          <p class="options-error" role="alert">
            {errors.form}
          </p>
        ) : null}
      </form>
    </section>
  );
}
