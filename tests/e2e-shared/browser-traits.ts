import type { FailureClass } from '../../utils/observe/types';

/** The network faults of the shared failure-kind table (HTTP status failures carry no error string). */
export type NetworkFault = 'refused' | 'nxdomain' | 'reset' | 'empty' | 'tls';

/**
 * What the cases shared by both suites expect differently per browser; everything else they check is
 * the same. Layout: `mainDocumentErrors` maps each network fault to every error string the browser may
 * store for a main document failing that way (a fault missing from the map is not run in that browser);
 * `resetSubresource` is how a sub-resource whose connection dies is stored.
 */
export interface BrowserTraits {
  mainDocumentErrors: Partial<Record<NetworkFault, readonly string[]>>;
  resetSubresource: { error: string; outcomes: readonly FailureClass[] };
}
