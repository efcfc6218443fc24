import { describe, expect, it } from 'vitest';
import { describeFailure, describeOutageSites, describeSpan, getPlaceName, listSites } from '../evidence';
import { sec } from './fixtures';

describe('evidence sentences', () => {
  it.each([
    { from: 100, now: 130, want: 'in the last minute' },
    { from: 100, now: 280, want: 'in the last 3 minutes' },
    { from: 100, now: 1360, want: 'again and again for 21 minutes' },
  ])('describeSpan $from..$now -> $want', ({ from, now, want }) => {
    expect(describeSpan(sec(from), sec(now))).toBe(want);
  });

  it('names places the way people know them', () => {
    expect(getPlaceName('aws', 'us-east-1')).toBe('AWS us-east-1');
    expect(getPlaceName('cloudflare', null)).toBe('Cloudflare');
    expect(getPlaceName('someone-new', null)).toBe('someone-new');
  });

  it('lists at most five sites and says how many more', () => {
    expect(listSites(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e, … (2 more)');
  });

  it('writes the outage sentence with failing and loading sites', () => {
    expect(
      describeOutageSites('AWS us-east-1', ['a.com', 'b.com', 'c.com', 'd.com'], 2, sec(0), sec(170), true),
    ).toBe(
      '4 other sites on AWS us-east-1 failed in the last 3 minutes: a.com, b.com, c.com, d.com; 2 sites there still load.',
    );
    expect(describeOutageSites('Fastly', ['a.com'], 0, sec(0), sec(10), false)).toBe(
      '1 site on Fastly failed in the last minute: a.com; no site there loaded lately.',
    );
  });

  it('explains a failure with the browser error when there is one', () => {
    expect(describeFailure('api.x.com', 'timeout', 'net::ERR_CONNECTION_TIMED_OUT')).toBe(
      'api.x.com did not answer in time (net::ERR_CONNECTION_TIMED_OUT).',
    );
    expect(describeFailure('x.com', 'http5xx', null)).toBe('x.com answered with a server error (5xx).');
  });
});
