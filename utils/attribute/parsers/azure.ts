/**
 * Azure Service Tags: `values[].properties.{region, systemService, addressPrefixes[]}`.
 * Empty region (global tags such as `AzureFrontDoor.Frontend`) → null; empty systemService (the `AzureCloud.<region>`
 * tags) → null service, otherwise lower-case (`AzureStorage` → `azurestorage`). The same prefix appears under many
 * tags; all entries are returned here and collapse when the table is compiled.
 */
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

export function parseAzureServiceTags(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  requireArray(root.values, fileName, 'values').forEach((item, i) => {
    const where = `values[${i}]`;
    const props = requireRecord(
      requireRecord(item, fileName, where).properties,
      fileName,
      `${where}.properties`,
    );
    const region = requireString(props.region ?? '', fileName, `${where}.properties.region`);
    const service = requireString(props.systemService ?? '', fileName, `${where}.properties.systemService`);
    requireArray(props.addressPrefixes, fileName, `${where}.properties.addressPrefixes`).forEach(
      (cidr, j) => {
        const at = `${where}.properties.addressPrefixes[${j}]`;
        sink.add(
          requireString(cidr, fileName, at),
          'azure',
          region === '' ? null : region.toLowerCase(),
          service === '' ? null : service.toLowerCase(),
          at,
        );
      },
    );
  });
  return sink.prefixes;
}
