import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTargetTabId } from '../get-target-tab';

beforeEach(async () => {
  fakeBrowser.reset();
  // The fake starts with no window; tabs.query({currentWindow}) needs a focused one.
  await fakeBrowser.windows.create({ focused: true });
});

describe('getTargetTabId', () => {
  it.each([
    { search: '?tabId=42', expected: 42 },
    { search: '?tabId=0', expected: 0 },
  ])('takes the tab from $search', async ({ search, expected }) => {
    expect(await getTargetTabId(search)).toBe(expected);
  });

  it.each(['', '?tabId=', '?tabId=-3', '?tabId=abc'])(
    'falls back to the active tab for %j',
    async (search) => {
      await fakeBrowser.tabs.create({ url: 'https://background.example/' });
      const active = await fakeBrowser.tabs.create({ url: 'https://shop.example/', active: true });
      expect(await getTargetTabId(search)).toBe(active.id);
    },
  );

  it('gives undefined when no tab is active', async () => {
    expect(await getTargetTabId('')).toBeUndefined();
  });
});
