import { describe, expect, it } from 'vitest';
import { getRequestTypes } from '../request-filter';

const PAGE_BREAKING = [
  'main_frame',
  'sub_frame',
  'xmlhttprequest',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'other',
];

describe('getRequestTypes', () => {
  it.each(['chrome', 'firefox'] as const)('%s listens to every type that can break a page', (family) => {
    expect(getRequestTypes(family)).toEqual(expect.arrayContaining(PAGE_BREAKING));
  });

  it('adds imageset for Firefox only (Chrome would reject it)', () => {
    expect(getRequestTypes('firefox')).toContain('imageset');
    expect(getRequestTypes('chrome')).not.toContain('imageset');
  });
});
