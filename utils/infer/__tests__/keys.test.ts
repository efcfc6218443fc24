import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../observe/types';
import { getCountedKeys, getWindowKey, parseWindowKey } from '../keys';
import { at } from './fixtures';

const VERCEL = [at('vercel', null), at('aws', 'us-east-1', 'platform')];
const HEROKU = [at('aws', 'us-east-1'), at('heroku', null), at('aws', 'us-east-1', 'platform')];
const WITH_DNS = [at('gcp', 'us-central1'), at('akamai', null, 'dns')];

describe('getCountedKeys', () => {
  it.each<{ name: string; outcome: Outcome; attr: ReturnType<typeof at>[]; want: string[] }>([
    {
      name: 'a success vouches for every key',
      outcome: 'ok',
      attr: WITH_DNS,
      want: ['gcp|us-central1 direct', 'akamai| direct'],
    },
    {
      name: 'a DNS failure implicates the DNS provider only',
      outcome: 'dns',
      attr: WITH_DNS,
      want: ['akamai| direct'],
    },
    {
      name: 'a DNS failure without a known DNS provider falls back to hosting',
      outcome: 'dns',
      attr: [at('gcp', 'us-central1')],
      want: ['gcp|us-central1 direct'],
    },
    {
      name: 'a connect failure does not implicate DNS',
      outcome: 'connect',
      attr: WITH_DNS,
      want: ['gcp|us-central1 direct'],
    },
    {
      name: 'a platform key comes through its platform',
      outcome: 'http5xx',
      attr: VERCEL,
      want: ['vercel| direct', 'aws|us-east-1 vercel'],
    },
    {
      name: 'an address inside the platform cloud still counts through the platform',
      outcome: 'timeout',
      attr: HEROKU,
      want: ['aws|us-east-1 heroku', 'heroku| direct'],
    },
    {
      name: 'an entry inherited through a named platform counts through that platform',
      outcome: 'http5xx',
      attr: [at('netlify', null), { ...at('aws', 'us-east-2', 'platform'), via: 'netlify-functions' }],
      want: ['netlify| direct', 'aws|us-east-2 netlify-functions'],
    },
    {
      name: "a service catalog's claim counts through the service itself",
      outcome: 'timeout',
      attr: [at('gcp', 'us-central1'), { ...at('cloudflare', null, 'platform'), service: 'spotify' }],
      want: ['gcp|us-central1 direct', 'cloudflare| spotify'],
    },
    { name: 'the user network says nothing about providers', outcome: 'local', attr: WITH_DNS, want: [] },
    { name: 'ignored loads say nothing', outcome: 'ignored', attr: WITH_DNS, want: [] },
  ])('$name', ({ outcome, attr, want }) => {
    expect(getCountedKeys(outcome, attr).map((k) => `${k.key} ${k.group}`)).toEqual(want);
  });

  it('round-trips window keys, region-less included', () => {
    expect(parseWindowKey(getWindowKey('aws', 'us-east-1'))).toEqual({
      provider: 'aws',
      region: 'us-east-1',
    });
    expect(parseWindowKey(getWindowKey('cloudflare', null))).toEqual({
      provider: 'cloudflare',
      region: null,
    });
  });
});
