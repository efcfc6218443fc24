// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserMapping } from '../../../utils/attribute/user-mapping';
import { validateMappingFields } from '../mapping-form';
import { UserMappingEditor } from '../user-mapping-editor';

const CORP: UserMapping = {
  match: 'corp.example',
  provider: 'my-company',
  region: 'hq',
  service: null,
  role: 'hosting',
};

afterEach(cleanup);

describe('validateMappingFields', () => {
  const fields = (match: string, provider = 'aws', region = '', service = '') => ({
    match,
    provider,
    region,
    service,
  });

  it.each([
    ['10.1.0.0/16', { match: '10.1.0.0/16', provider: 'aws', region: null, service: null, role: 'hosting' }],
    [
      '2001:db8::/32',
      { match: '2001:db8::/32', provider: 'aws', region: null, service: null, role: 'hosting' },
    ],
    ['192.0.2.7', { match: '192.0.2.7', provider: 'aws', region: null, service: null, role: 'hosting' }],
    [
      'Intranet.Corp.Example.',
      { match: 'intranet.corp.example', provider: 'aws', region: null, service: null, role: 'hosting' },
    ],
  ])('accepts %s', (match, mapping) => {
    expect(validateMappingFields(fields(match), [])).toEqual({ mapping });
  });

  it('keeps region and service when given', () => {
    expect(validateMappingFields(fields('10.0.0.0/8', 'AWS', ' eu-west-1 ', 'vpn'), [])).toEqual({
      mapping: { match: '10.0.0.0/8', provider: 'aws', region: 'eu-west-1', service: 'vpn', role: 'hosting' },
    });
  });

  it.each([
    ['an empty match', fields(''), 'match', /Enter an address range/],
    ['a bad prefix length', fields('10.0.0.0/33'), 'match', /Not an address range/],
    ['an address out of range', fields('10.0.0.256/8'), 'match', /Not an address range/],
    ['a URL', fields('https://corp.example/'), 'match', /Not an address range/],
    ['a duplicate', fields('CORP.example'), 'match', /already a mapping/],
    ['no provider', fields('10.0.0.0/8', ''), 'provider', /Enter a provider/],
    ['a provider with spaces', fields('10.0.0.0/8', 'my company'), 'provider', /letters, digits and dashes/],
  ])('refuses %s', (_label, input, field, message) => {
    const r = validateMappingFields(input, [CORP]);
    expect('errors' in r && r.errors[field as 'match']).toMatch(message);
  });
});

describe('UserMappingEditor', () => {
  function renderEditor(mappings: UserMapping[] = [CORP], loadErrors: string[] = []) {
    const onChange = vi.fn();
    render(<UserMappingEditor mappings={mappings} loadErrors={loadErrors} onChange={onChange} />);
    return onChange;
  }
  const type = (label: RegExp, value: string) =>
    fireEvent.input(screen.getByLabelText(label), { target: { value } });

  it('lists the mappings and removes one', () => {
    const onChange = renderEditor();
    expect(screen.getByRole('list', { name: 'Your mappings' }).textContent).toContain('corp.example');
    fireEvent.click(screen.getByRole('button', { name: 'Remove mapping corp.example' }));
    expect(onChange).toHaveBeenCalledWith([]);
  });

  it('adds a valid mapping from the labelled fields and clears the form', () => {
    const onChange = renderEditor();
    type(/Address range or host name/, '10.1.0.0/16');
    type(/^Provider/, 'aws');
    type(/^Region/, 'us-east-1');
    fireEvent.submit(screen.getByRole('form', { name: 'Add a mapping' }));
    expect(onChange).toHaveBeenCalledWith([
      CORP,
      { match: '10.1.0.0/16', provider: 'aws', region: 'us-east-1', service: null, role: 'hosting' },
    ]);
    expect((screen.getByLabelText(/Address range or host name/) as HTMLInputElement).value).toBe('');
  });

  it('shows errors inline, tied to their fields, and adds nothing', () => {
    const onChange = renderEditor();
    type(/Address range or host name/, 'not a range');
    fireEvent.submit(screen.getByRole('form', { name: 'Add a mapping' }));
    expect(onChange).not.toHaveBeenCalled();
    const match = screen.getByLabelText(/Address range or host name/);
    expect(match.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(match.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Not an address range/,
    );
    const provider = screen.getByLabelText(/^Provider/);
    expect(document.getElementById(provider.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Enter a provider/,
    );
  });

  it('says so when there are no mappings, and reports unreadable stored ones', () => {
    renderEditor([], ['user mapping 0: provider id']);
    expect(screen.getByText('No mappings yet.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('user mapping 0: provider id');
  });
});
