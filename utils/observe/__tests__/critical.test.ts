import { describe, expect, it } from 'vitest';
import { isCriticalRequest } from '../critical';
import type { LoadEvent, ResourceType } from '../types';

function load(type: ResourceType, site: string, pageSite?: string): LoadEvent {
  return {
    time: 0,
    tabId: 1,
    host: `x.${site}`,
    site,
    type,
    outcome: 'timeout',
    ...(pageSite ? { pageSite } : {}),
  };
}

describe('isCriticalRequest', () => {
  it.each([
    ['main document', load('main_frame', 'shop.example'), true],
    ['first-party xhr', load('xmlhttprequest', 'shop.example', 'shop.example'), true],
    ['first-party script', load('script', 'shop.example', 'shop.example'), true],
    ['first-party stylesheet', load('stylesheet', 'shop.example', 'shop.example'), true],
    ['first-party font', load('font', 'shop.example', 'shop.example'), true],
    ['first-party frame', load('sub_frame', 'shop.example', 'shop.example'), true],
    ['first-party image', load('image', 'shop.example', 'shop.example'), false],
    ['first-party media', load('media', 'shop.example', 'shop.example'), false],
    ['first-party other', load('other', 'shop.example', 'shop.example'), false],
    ['third-party script (tracker)', load('script', 'tracker.example', 'shop.example'), false],
    ['third-party xhr', load('xmlhttprequest', 'api.example', 'shop.example'), false],
    ['third-party frame (ad)', load('sub_frame', 'ads.example', 'shop.example'), false],
    ['subresource with no known page', load('script', 'shop.example'), false],
  ] as const)('%s → %s', (_name, ev, expected) => {
    expect(isCriticalRequest(ev)).toBe(expected);
  });

  it("uses the caller's page site over the event's", () => {
    expect(isCriticalRequest(load('script', 'shop.example'), 'shop.example')).toBe(true);
    expect(isCriticalRequest(load('script', 'shop.example', 'shop.example'), 'other.example')).toBe(false);
  });
});
