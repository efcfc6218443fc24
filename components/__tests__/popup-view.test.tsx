// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../utils/observe/types';
import { PopupView } from '../popup-view';

const NOW = Date.UTC(2025, 9, 20, 7, 0, 0);

function failure(overrides: Partial<LoadEvent>): LoadEvent {
  return {
    time: NOW - 60_000,
    tabId: 3,
    host: 'api.shop.example',
    site: 'shop.example',
    type: 'xmlhttprequest',
    outcome: 'http5xx',
    status: 503,
    pageSite: 'shop.example',
    ...overrides,
  };
}

afterEach(cleanup);

describe('PopupView', () => {
  it('shows the empty state when the tab has no failures', () => {
    render(<PopupView site="ok.example" failures={[]} now={NOW} />);
    expect(screen.getByText('No failures on this tab')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('ok.example')).toBeTruthy();
  });

  it('lists failures newest first with host, words and relative time', () => {
    const failures = [
      failure({
        time: NOW - 5 * 60_000,
        host: 'www.shop.example',
        type: 'main_frame',
        outcome: 'dns',
        status: undefined,
        error: 'net::ERR_NAME_NOT_RESOLVED',
      }),
      failure({ time: NOW - 40_000 }),
    ];
    render(<PopupView site="shop.example" failures={failures} now={NOW} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('api.shop.example');
    expect(items[0]!.textContent).toContain('40 seconds ago');
    expect(items[1]!.textContent).toContain('www.shop.example');
    expect(items[1]!.textContent).toContain('5 minutes ago');
    expect(screen.getByRole('heading', { name: /Recent failures/ }).textContent).toContain('(2)');
    expect(screen.queryByText('No failures on this tab')).toBeNull();
  });

  it('uses native disclosure so each item is keyboard-operable and reveals the browser error', () => {
    render(
      <PopupView
        failures={[failure({ error: 'net::ERR_CONNECTION_RESET', outcome: 'connect', status: undefined })]}
        now={NOW}
      />,
    );
    const summary = document.querySelector('summary');
    const details = document.querySelector('details');
    expect(summary).not.toBeNull();
    expect(details?.open).toBe(false);
    fireEvent.click(summary!);
    expect(details?.open).toBe(true);
    expect(details?.textContent).toContain('net::ERR_CONNECTION_RESET');
  });

  it('shows loading, then an error message instead of the list when history cannot be read', () => {
    const { rerender } = render(<PopupView failures={null} now={NOW} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(<PopupView failures={null} now={NOW} error="IndexedDB is unavailable" />);
    expect(screen.getByText("Could not read this tab's history")).toBeTruthy();
    expect(screen.getByText('IndexedDB is unavailable')).toBeTruthy();
  });

  it('renders the verdict slot above the list when given', () => {
    render(<PopupView failures={[]} now={NOW} verdict={<p>Likely an AWS us-east-1 outage</p>} />);
    expect(screen.getByText('Likely an AWS us-east-1 outage')).toBeTruthy();
  });
});
