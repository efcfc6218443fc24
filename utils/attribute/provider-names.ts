/**
 * Free-text provider names (the service catalog, user input) → canonical ids (design.md §5), and ids → the
 * display names used in evidence. Keyword rules are tried in order; the first hit wins, so "Google Cloud"
 * is tested before the catch-all "Google".
 */
const PROVIDER_KEYWORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bheroku\b/i, 'heroku'],
  [/\b(?:aws|amazon)\b/i, 'aws'],
  [/\bgoogle cloud\b|\bgcp\b/i, 'gcp'],
  [/\bgoogle\b/i, 'google'],
  [/\b(?:azure|microsoft)\b/i, 'azure'],
  [/\bcloudflare\b/i, 'cloudflare'],
  [/\bfastly\b/i, 'fastly'],
  [/\bakamai\b/i, 'akamai'],
  [/\bdyn\b/i, 'dyn'],
  [/\boracle\b/i, 'oracle'],
  [/\bdigitalocean\b/i, 'digitalocean'],
  [/\b(?:linode)\b/i, 'linode'],
  [/\bvercel\b/i, 'vercel'],
  [/\bnetlify\b/i, 'netlify'],
];

export function getProviderId(name: string): string | null {
  for (const [pattern, id] of PROVIDER_KEYWORDS) if (pattern.test(name)) return id;
  return null;
}

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  google: 'Google',
  azure: 'Azure',
  oracle: 'Oracle Cloud',
  cloudflare: 'Cloudflare',
  fastly: 'Fastly',
  akamai: 'Akamai',
  digitalocean: 'DigitalOcean',
  linode: 'Linode',
  vultr: 'Vultr',
  github: 'GitHub',
  vercel: 'Vercel',
  netlify: 'Netlify',
  heroku: 'Heroku',
  fly: 'Fly.io',
  render: 'Render',
  railway: 'Railway',
  bunny: 'Bunny CDN',
  edgecast: 'Edgecast',
  cdn77: 'CDN77',
  keycdn: 'KeyCDN',
  gcore: 'Gcore',
  shopify: 'Shopify',
  wpengine: 'WP Engine',
  squarespace: 'Squarespace',
  wix: 'Wix',
  kinsta: 'Kinsta',
  pantheon: 'Pantheon',
  deno: 'Deno Deploy',
  supabase: 'Supabase',
  auth0: 'Auth0',
};

export function getProviderDisplayName(id: string): string {
  return DISPLAY_NAMES[id] ?? id;
}
