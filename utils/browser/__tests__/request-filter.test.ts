import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../observe/resource-type';
import { getRequestTypes } from '../request-filter';

// RESOURCE_TYPES is pinned to the ResourceType union by load-event-schema.test.ts, so it is the
// independent statement of "every type that can break a page" here.

describe('getRequestTypes', () => {
  it.each(['chrome', 'firefox'] as const)('%s listens to every type that can break a page', (family) => {
    expect(getRequestTypes(family)).toEqual(expect.arrayContaining([...RESOURCE_TYPES]));
  });

  it('adds imageset for Firefox only (Chrome would reject it)', () => {
    expect(getRequestTypes('firefox')).toContain('imageset');
    expect(getRequestTypes('chrome')).not.toContain('imageset');
  });
});
