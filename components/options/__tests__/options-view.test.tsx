// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FEED_SOURCES } from '../../../utils/attribute/feed-sources';
import { createEmptyFeedUpdateState } from '../../../utils/attribute/feed-update';
import { getFeedRows } from '../feed-rows';
import { OptionsView } from '../options-view';

const noop = () => undefined;

afterEach(cleanup);

describe('OptionsView', () => {
  function renderView() {
    return render(
      <OptionsView
        now={Date.UTC(2026, 10, 8)}
        feeds={getFeedRows(createEmptyFeedUpdateState(), FEED_SOURCES)}
        updating={false}
        feedMessage={null}
        mappings={[{ match: '10.1.0.0/16', provider: 'corp', region: null, service: null, role: 'hosting' }]}
        mappingErrors={[]}
        doh={false}
        dataMessage={null}
        onUpdateNow={noop}
        onMappingsChange={noop}
        onDohChange={noop}
        onExport={noop}
        onDelete={noop}
      />,
    );
  }

  it('has the four sections, each a labelled region with a heading', () => {
    renderView();
    const names = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(names).toEqual(['feeds-heading', 'mappings-heading', 'privacy-heading', 'data-heading']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Provider address lists',
      'Your own mappings',
      'Privacy',
      'Your data',
    ]);
  });

  it('passes axe checks for labels, names and ARIA', async () => {
    const { container } = renderView();
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      // happy-dom does no layout, so colour contrast cannot be computed here.
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});
