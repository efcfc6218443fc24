/**
 * Azure Service Tags: `values[].{name, properties.{region, systemService, addressPrefixes[]}}`.
 * Empty region (global tags such as `AzureFrontDoor.Frontend`) → null; abbreviated regions (`germanywc`) become the
 * ARM name host names and status pages use (`germanywestcentral`, regions-table.ts REGION_ALIASES). Service = systemService, lower-case
 * (`AzureStorage` → `azurestorage`). Where systemService is empty the tag name's first part stands in
 * (`AzureFrontDoor.Frontend` / `.Backend` → `azurefrontdoor`, as the `AzureFrontDoor.FirstParty` tag names it),
 * except for `AzureCloud.<region>`: that is the catch-all every other tag's prefixes also sit in, so it keeps a null
 * service and the specific tag wins on identical prefixes (range-priority.ts), like AWS `AMAZON`. The same prefix
 * appears under many tags; all entries are returned here and collapse when the table is compiled.
 */
import { getCanonicalRegion } from '../regions';
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

const CATCH_ALL_TAG = 'AzureCloud';

export function getAzureService(tagName: string, systemService: string): string | null {
  if (systemService !== '') return systemService.toLowerCase();
  const base = tagName.split('.')[0]!.trim();
  return base === '' || base === CATCH_ALL_TAG ? null : base.toLowerCase();
}

export function parseAzureServiceTags(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  requireArray(root.values, fileName, 'values').forEach((item, i) => {
    const where = `values[${i}]`;
    const value = requireRecord(item, fileName, where);
    const name = requireString(value.name ?? '', fileName, `${where}.name`);
    const props = requireRecord(value.properties, fileName, `${where}.properties`);
    const regionText = requireString(
      props.region ?? '',
      fileName,
      `${where}.properties.region`,
    ).toLowerCase();
    const region = regionText === '' ? null : getCanonicalRegion('azure', regionText);
    const systemService = requireString(
      props.systemService ?? '',
      fileName,
      `${where}.properties.systemService`,
    );
    const service = getAzureService(name, systemService);
    requireArray(props.addressPrefixes, fileName, `${where}.properties.addressPrefixes`).forEach(
      (cidr, j) => {
        const at = `${where}.properties.addressPrefixes[${j}]`;
        sink.add(requireString(cidr, fileName, at), 'azure', region, service, at);
      },
    );
  });
  return sink.finish();
}
