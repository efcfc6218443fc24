// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataControls } from '../data-controls';
import { PrivacySettings } from '../privacy-settings';

afterEach(cleanup);

describe('PrivacySettings', () => {
  it.each([
    [false, true],
    [true, false],
  ])('DoH shown as %s; clicking asks for %s', (doh, next) => {
    const onDohChange = vi.fn();
    render(<PrivacySettings doh={doh} onDohChange={onDohChange} />);
    const box = screen.getByRole('checkbox', {
      name: 'Look up site names with DNS over HTTPS',
    }) as HTMLInputElement;
    expect(box.checked).toBe(doh);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Off by default/,
    );
    fireEvent.click(box);
    expect(onDohChange).toHaveBeenCalledWith(next);
  });

  it('shows no crowd-reporting control (the feature is not built)', () => {
    render(<PrivacySettings doh={false} onDohChange={() => undefined} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
  });
});

describe('DataControls', () => {
  function renderControls() {
    const onExport = vi.fn();
    const onDelete = vi.fn();
    render(<DataControls onExport={onExport} onDelete={onDelete} message={null} />);
    return { onExport, onDelete };
  }

  it('exports on click', () => {
    const { onExport } = renderControls();
    fireEvent.click(screen.getByRole('button', { name: 'Export my data' }));
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it('deletes only after the confirmation', () => {
    const { onDelete } = renderControls();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole('group').textContent).toMatch(/cannot be\s+undone/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('cancel backs out without deleting', () => {
    const { onDelete } = renderControls();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete all data…' })).toBeTruthy();
  });
});
