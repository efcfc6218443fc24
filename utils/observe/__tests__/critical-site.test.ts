import { describe, expect, it } from 'vitest';
import { getCriticalSite } from '../critical';
import { isPlatformTenantHost } from '../platform-tenant';
import type { LoadEvent, ResourceType } from '../types';

const load = (spec: Pick<LoadEvent, 'site' | 'host' | 'type' | 'pageSite'>): LoadEvent => ({
  time: 0,
  tabId: 1,
  outcome: 'ok',
  ...spec,
});

describe('getCriticalSite', () => {
  it.each<{
    name: string;
    host: string;
    site: string;
    type: ResourceType;
    page: string;
    want: string | null;
  }>([
    {
      name: 'the document speaks for its site',
      host: 'www.shop.test',
      site: 'shop.test',
      type: 'main_frame',
      page: 'shop.test',
      want: 'shop.test',
    },
    {
      name: 'a first-party api call too',
      host: 'api.shop.test',
      site: 'shop.test',
      type: 'xmlhttprequest',
      page: 'shop.test',
      want: 'shop.test',
    },
    {
      name: 'a first-party image does not',
      host: 'img.shop.test',
      site: 'shop.test',
      type: 'image',
      page: 'shop.test',
      want: null,
    },
    {
      name: 'a third-party tracker does not',
      host: 'www.google-analytics.com',
      site: 'google-analytics.com',
      type: 'script',
      page: 'shop.test',
      want: null,
    },
    {
      name: "the page's S3 bucket api call speaks for the page",
      host: 's3.us-east-1.amazonaws.com',
      site: 's3.us-east-1.amazonaws.com',
      type: 'xmlhttprequest',
      page: 'trello.com',
      want: 'trello.com',
    },
    {
      name: "the page's Heroku app script too",
      host: 'my-app-1a2b.herokuapp.com',
      site: 'my-app-1a2b.herokuapp.com',
      type: 'script',
      page: 'shop.test',
      want: 'shop.test',
    },
    {
      name: 'but not an image from a bucket',
      host: 'media.s3.amazonaws.com',
      site: 'media.s3.amazonaws.com',
      type: 'image',
      page: 'shop.test',
      want: null,
    },
  ])('$name', ({ host, site, type, page, want }) => {
    expect(getCriticalSite(load({ site, host, type, pageSite: page }))).toBe(want);
  });

  it.each([
    ['d111.cloudfront.net', true],
    ['x.vercel.app', true],
    ['www.example.com', false],
    ['3.80.1.1', false],
  ] as const)('isPlatformTenantHost(%s) = %s', (host, want) => {
    expect(isPlatformTenantHost(host)).toBe(want);
  });
});
