/**
 * IPv4 helpers for the generator and the scenario test: an address is a 32-bit unsigned number;
 * a CIDR is { base, bits } with `base` already masked.
 */

import type { Rng } from './prng';

export interface Cidr4 {
  base: number;
  bits: number;
}

export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export function parseCidr4(text: string): Cidr4 | null {
  const [addr, bitsText] = text.trim().split('/');
  const base = parseIpv4(addr ?? '');
  if (base === null || !/^\d{1,2}$/.test(bitsText ?? '')) return null;
  const bits = Number(bitsText);
  if (bits > 32) return null;
  return { base: base - (base % 2 ** (32 - bits)), bits };
}

export function isInCidr4(ip: number, cidr: Cidr4): boolean {
  return ip - (ip % 2 ** (32 - cidr.bits)) === cidr.base;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A host address inside the prefix, avoiding the network and broadcast addresses when there are any. */
export function pickIpv4(cidrText: string, rng: Rng): string {
  const cidr = parseCidr4(cidrText);
  if (!cidr) throw new Error(`bad CIDR ${cidrText}`);
  const size = 2 ** (32 - cidr.bits);
  const offset = size <= 2 ? rng.int(0, size - 1) : rng.int(1, size - 2);
  return formatIpv4(cidr.base + offset);
}
