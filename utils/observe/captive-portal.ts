import { isIpLiteral, isPrivateAddress } from './private-address';

/**
 * Names that legitimately resolve to a private or loopback address, so an answer from one says
 * nothing about the user's network: RFC 2606 / RFC 6761 reserved TLDs (`.test` is what the e2e
 * suite maps onto 127.0.0.1), mDNS `.local`, RFC 8375 `home.arpa`, ICANN's reserved `.internal`, and
 * the de-facto LAN suffixes routers hand out.
 */
const LOCAL_SUFFIXES: readonly string[] = [
  'test',
  'example',
  'invalid',
  'localhost',
  'local',
  'home.arpa',
  'internal',
  'lan',
  'home',
  'corp',
  'intranet',
];

/**
 * Whether a host is one whose server address we may judge: a public DNS name. Ip literals,
 * `localhost`, single-label names and names under `LOCAL_SUFFIXES` are expected to live on a
 * private network, so they are never judged by address.
 */
export function isAddressJudgedHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === '' || !name.includes('.')) return false;
  if (isIpLiteral(name)) return false;
  return !LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/**
 * The captive-portal rule: a public host name answered from a private-range address did not reach
 * the real site; the user's network (a Wi-Fi sign-in page, a filtering resolver) answered instead.
 * Such a load is outcome `local`, never a success for the site it claims to be.
 */
export function isCaptivePortalAnswer(host: string, ip: string | undefined): boolean {
  return ip !== undefined && isAddressJudgedHost(host) && isPrivateAddress(ip);
}
