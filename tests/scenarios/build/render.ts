/**
 * Scenario → file text: the top-level fields one per line, then one event and one expectation
 * per line, so that diffs and reviews read like a log.
 */

import type { Scenario } from './model';

/** JSON with a space after every colon and comma, on one line. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function block(items: unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${inline(item)}`).join(',\n')}\n  ]`;
}

export function renderScenario(scenario: Scenario): string {
  const dnsEntries = Object.entries(scenario.dns);
  const dns =
    dnsEntries.length === 0
      ? '{}'
      : `{\n${dnsEntries.map(([host, answer]) => `    ${JSON.stringify(host)}: ${inline(answer)}`).join(',\n')}\n  }`;
  return [
    '{',
    `  "format": ${JSON.stringify(scenario.format)},`,
    `  "id": ${JSON.stringify(scenario.id)},`,
    `  "title": ${JSON.stringify(scenario.title)},`,
    `  "start": ${JSON.stringify(scenario.start)},`,
    `  "settings": ${inline(scenario.settings)},`,
    `  "dns": ${dns},`,
    `  "events": ${block(scenario.events)},`,
    `  "expect": ${block(scenario.expect)}`,
    '}',
    '',
  ].join('\n');
}
