// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_SOURCES } from '../../../utils/attribute/feed-sources';
import { createEmptyFeedUpdateState, type FeedUpdateState } from '../../../utils/attribute/feed-update';
import { getFeedRows } from '../feed-rows';
import { FeedStatusList } from '../feed-status-list';

const NOW = Date.UTC(2026, 10, 8, 12, 0, 0);
const DAY = 86_400_000;

const STATE: FeedUpdateState = {
  version: 1,
  feeds: {
    'aws-ip-ranges.json': {
      file: 'aws-ip-ranges.json',
      lastGoodAt: NOW - 3 * DAY,
      lastCheckedAt: NOW - 3 * DAY,
      prefixCount: 16828,
      failures: 0,
    },
    'gcp-cloud.json': {
      file: 'gcp-cloud.json',
      lastGoodAt: NOW - 10 * DAY,
      lastCheckedAt: NOW - DAY,
      prefixCount: 937,
      failures: 2,
      lastError: 'HTTP 503',
    },
  },
};

afterEach(cleanup);

describe('getFeedRows', () => {
  it('lists every feed in source order with what is known of it', () => {
    const rows = getFeedRows(STATE, FEED_SOURCES);
    expect(rows.map((r) => r.file)).toEqual(FEED_SOURCES.map((s) => s.file));
    expect(rows[0]).toEqual({
      file: 'aws-ip-ranges.json',
      provider: 'AWS',
      downloadable: true,
      lastGoodAt: NOW - 3 * DAY,
      lastCheckedAt: NOW - 3 * DAY,
      prefixCount: 16828,
      lastError: null,
      note: null,
    });
    expect(rows.find((r) => r.file === 'azure-service-tags.json')).toMatchObject({
      provider: 'Azure',
      downloadable: true,
    });
    expect(rows.find((r) => r.file === 'akamai-ipv6-cidrs.txt')).toMatchObject({ downloadable: true });
    expect(getFeedRows(createEmptyFeedUpdateState(), FEED_SOURCES).every((r) => r.lastGoodAt === null)).toBe(
      true,
    );
  });
});

describe('FeedStatusList', () => {
  function renderList(overrides: Partial<Parameters<typeof FeedStatusList>[0]> = {}) {
    const onUpdateNow = vi.fn();
    render(
      <FeedStatusList
        rows={getFeedRows(STATE, FEED_SOURCES)}
        now={NOW}
        updating={false}
        message={null}
        onUpdateNow={onUpdateNow}
        {...overrides}
      />,
    );
    return onUpdateNow;
  }

  const rowOf = (file: string) => screen.getByText(file).closest('tr') as HTMLElement;

  it.each([
    ['aws-ip-ranges.json', ['2026-11-05 12:00 UTC (3 days ago)', '16,828', 'OK']],
    ['gcp-cloud.json', ['2026-10-29 12:00 UTC (10 days ago)', '937', 'Last try failed: HTTP 503']],
    ['cloudflare-ips-v4.txt', ['Never', '–', 'Waiting for the first download']],
    ['azure-service-tags.json', ['Never', '–', 'Waiting for the first download']],
    ['akamai-ipv4-cidrs.txt', ['Never', '–', 'Waiting for the first download']],
  ])('shows %s', (file, texts) => {
    renderList();
    for (const text of texts) expect(within(rowOf(file)).getByText(text, { exact: false })).toBeTruthy();
  });

  it("shows a feed's note when the extension cannot download it itself", () => {
    const manual = {
      ...FEED_SOURCES[0]!,
      file: 'manual-feed.txt',
      url: null,
      discovery: undefined,
      note: 'Add by hand',
    };
    render(
      <FeedStatusList
        rows={getFeedRows(createEmptyFeedUpdateState(), [manual])}
        now={NOW}
        updating={false}
        message={null}
        onUpdateNow={vi.fn()}
      />,
    );
    expect(within(rowOf('manual-feed.txt')).getByText('Add by hand')).toBeTruthy();
    expect(within(rowOf('manual-feed.txt')).queryByText('Waiting for the first download')).toBeNull();
  });

  it('"Update now" calls back, and is disabled while updating', () => {
    const onUpdateNow = renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(onUpdateNow).toHaveBeenCalledTimes(1);
    cleanup();
    renderList({ updating: true, message: 'Downloading the provider lists…' });
    expect((screen.getByRole('button', { name: 'Updating…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Downloading the provider lists…');
  });
});
