import { describe, expect, it } from 'vitest';
import { createDeduper } from '../dedupe';
import type { LoadEvent } from '../types';
import { createLoadEvent } from './helpers/load-event';

const URL_A = 'https://www.shop.example/';
const URL_B = 'https://api.shop.example/v1';

const load = (time: number, overrides: Partial<LoadEvent> = {}): LoadEvent =>
  createLoadEvent(time, { outcome: 'dns', ...overrides });

describe('createDeduper', () => {
  it("drops Chromium's auto-reload repeat of a failed page (~1.1 s later)", () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0), URL_A)).toBe(true);
    expect(deduper.accept(load(1_100), URL_A)).toBe(false);
  });

  it('accepts the same failure again once the window has passed', () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0), URL_A)).toBe(true);
    expect(deduper.accept(load(3_000), URL_A)).toBe(true);
  });

  it.each([
    ['another tab', { tabId: 2 }, URL_A],
    ['another outcome', { outcome: 'timeout' as const }, URL_A],
    ['another url', {}, URL_B],
  ])('keeps %s', (_name, overrides, url) => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0), URL_A)).toBe(true);
    expect(deduper.accept(load(500, overrides), url)).toBe(true);
  });

  it('counts a failed document once when both webRequest and webNavigation report it', () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0), URL_A, 'webRequest')).toBe(true);
    expect(deduper.accept(load(5, { outcome: 'dns' }), URL_A, 'webNavigation')).toBe(false);
  });

  it('and the other way round, even when the two classify differently', () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0, { outcome: 'connect' }), URL_A, 'webNavigation')).toBe(true);
    expect(deduper.accept(load(3, { outcome: 'timeout' }), URL_A, 'webRequest')).toBe(false);
  });

  it('does not merge a webNavigation failure with a subresource failure', () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(0, { type: 'xmlhttprequest', outcome: 'timeout' }), URL_A)).toBe(true);
    expect(deduper.accept(load(1), URL_A, 'webNavigation')).toBe(true);
  });

  it('works on event time, in any arrival order', () => {
    const deduper = createDeduper({ windowMs: 3_000 });
    expect(deduper.accept(load(10_000), URL_A)).toBe(true);
    expect(deduper.accept(load(9_000), URL_A)).toBe(false);
  });

  it('stays bounded and forgets the oldest keys first', () => {
    const deduper = createDeduper({ windowMs: 1_000_000, maxKeys: 10 });
    for (let i = 0; i < 100; i += 1) {
      expect(deduper.accept(load(i), `${URL_A}${i}`)).toBe(true);
    }
    // The first url was evicted, so its repeat is new again; a recent one is still remembered.
    expect(deduper.accept(load(100), `${URL_A}0`)).toBe(true);
    expect(deduper.accept(load(101), `${URL_A}99`)).toBe(false);
  });
});
