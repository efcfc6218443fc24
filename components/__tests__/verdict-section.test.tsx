// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outage, Verdict } from '../../utils/infer/types';
import { AffectedServices } from '../affected-services';
import { OutageList } from '../outage-list';
import { VerdictPanel } from '../verdict-panel';
import { VerdictSection } from '../verdict-section';

const NOW = Date.UTC(2025, 9, 20, 7, 0, 0);

const OUTAGE: Outage = {
  provider: 'aws',
  region: 'us-east-1',
  since: NOW - 3 * 60_000,
  confidence: 0.85,
  failingSites: ['alpha.test', 'bravo.test', 'charlie.test'],
  healthySites: ['delta.test'],
  sources: ['local'],
  evidence: [],
};

const VERDICT: Verdict = {
  site: 'charlie.test',
  kind: 'provider-outage',
  provider: 'aws',
  region: 'us-east-1',
  confidence: 0.7,
  evidence: ['charlie.test refused the connection.', '2 other sites on AWS us-east-1 failed.'],
  since: NOW - 60_000,
};

afterEach(cleanup);

describe('VerdictPanel', () => {
  it('says the cause, where, how sure and since when, with the evidence as a list', () => {
    render(<VerdictPanel verdict={VERDICT} now={NOW} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Likely an outage at AWS us-east-1 (Northern Virginia, US)',
    );
    expect(screen.getByText('Started 1 minute ago')).toBeTruthy();
    const items = within(screen.getByRole('list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(VERDICT.evidence);
  });

  it.each([
    { kind: 'site', css: 'verdict--site' },
    { kind: 'local-network', css: 'verdict--local' },
    { kind: 'provider-outage', css: 'verdict--outage' },
  ] as const)('marks a $kind verdict with $css', ({ kind, css }) => {
    const { container } = render(<VerdictPanel verdict={{ ...VERDICT, kind }} now={NOW} />);
    expect(container.querySelector('section')?.className).toContain(css);
  });
});

describe('OutageList', () => {
  it('lists each outage with place, confidence, start and site counts', () => {
    render(
      <OutageList
        outages={[OUTAGE, { ...OUTAGE, provider: 'cloudflare', region: null, healthySites: [] }]}
        now={NOW}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'AWS us-east-1 (Northern Virginia, US)very likely, started 3 minutes ago: 3 sites failing, 1 site still loading',
      'Cloudflarevery likely, started 3 minutes ago: 3 sites failing, 0 sites still loading',
    ]);
  });

  it('renders nothing without outages', () => {
    const { container } = render(<OutageList outages={[]} now={NOW} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('AffectedServices', () => {
  it('lists your sites and well-known services', () => {
    render(
      <AffectedServices
        provider="aws"
        region="us-east-1"
        affected={{ yours: ['alpha.test'], wellKnown: [{ name: 'East Co', region: 'us-east-1' }] }}
      />,
    );
    expect(screen.getByText('Sites you use on AWS us-east-1 (Northern Virginia, US):')).toBeTruthy();
    expect(screen.getByText('alpha.test')).toBeTruthy();
    expect(screen.getByText('East Co').textContent).toBe('East Co (us-east-1)');
  });

  it('renders nothing when nobody else is known to be affected', () => {
    const { container } = render(
      <AffectedServices provider="aws" region={null} affected={{ yours: [], wellKnown: [] }} />,
    );
    expect(container.innerHTML).toBe('');
  });
});

describe('VerdictSection', () => {
  it('shows the verdict, who else is affected and the outages', () => {
    render(
      <VerdictSection
        verdict={VERDICT}
        outages={[OUTAGE]}
        affected={{ yours: ['alpha.test'], wellKnown: [] }}
        now={NOW}
      />,
    );
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual([
      'Likely an outage at AWS us-east-1 (Northern Virginia, US)',
      'Why we think so',
      'May also be affected',
      'Suspected outages (1)',
    ]);
  });

  it('shows no "affected" list for a verdict that is not an outage', () => {
    render(
      <VerdictSection
        verdict={{ ...VERDICT, kind: 'site' }}
        outages={[]}
        affected={{ yours: ['alpha.test'], wellKnown: [] }}
        now={NOW}
      />,
    );
    expect(screen.queryByText('May also be affected')).toBeNull();
  });

  it('renders nothing with neither a verdict nor outages', () => {
    const { container } = render(<VerdictSection outages={[]} now={NOW} />);
    expect(container.innerHTML).toBe('');
  });
});
