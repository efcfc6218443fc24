/**
 * RFC 8805 geofeeds name a city, not a region id. These tables map "<ISO country>|<city>" (as the feeds spell it)
 * to the provider's own region code. Cities with no public region code of their own (edge / distributed sites,
 * or Constant locations that are not Vultr regions) are absent and give region null.
 *
 * DigitalOcean's feed is per city, not per datacenter: metros with several datacenters (New York: nyc1/nyc3,
 * San Francisco: sfo2/sfo3, Amsterdam: ams2/ams3) map onto the metro's newest region id, so outages there group by
 * metro. Linode's legacy ids (us-east, eu-west, ...) win over newer ids in the same city (gb-lon, de-fra-2, ...),
 * because the older, larger ranges are what the feed mostly lists.
 */
export const DIGITALOCEAN_CITY_REGIONS: Readonly<Record<string, string>> = {
  'NL|Amsterdam': 'ams3',
  'US|North Bergen': 'nyc3',
  'US|Clifton': 'nyc3',
  'US|Secaucus': 'nyc3',
  'US|San Francisco': 'sfo3',
  'US|Santa Clara': 'sfo3',
  'US|Douglasville': 'atl1',
  'DE|Frankfurt': 'fra1',
  'GB|London': 'lon1',
  'IN|Bangalore': 'blr1',
  'SG|Singapore': 'sgp1',
  'CA|Toronto': 'tor1',
  'AU|Sydney': 'syd1',
};

export const LINODE_CITY_REGIONS: Readonly<Record<string, string>> = {
  'US|Cedar Knolls': 'us-east',
  'US|Richardson': 'us-central',
  'US|Fremont': 'us-west',
  'US|Atlanta': 'us-southeast',
  'US|Ashburn': 'us-iad',
  'US|Chicago': 'us-ord',
  'US|Tukwila': 'us-sea',
  'US|Los Angeles': 'us-lax',
  'US|Miami': 'us-mia',
  'GB|London': 'eu-west',
  'DE|Frankfurt': 'eu-central',
  'FR|Paris': 'fr-par',
  'NL|Amsterdam': 'nl-ams',
  'SE|Stockholm': 'se-sto',
  'ES|Madrid': 'es-mad',
  'IT|Milan': 'it-mil',
  'NO|Oslo': 'no-osl-1',
  'JP|Tokyo': 'ap-northeast',
  'JP|Osaka': 'jp-osa',
  'SG|Singapore': 'ap-south',
  'IN|Mumbai': 'ap-west',
  'IN|Chennai': 'in-maa',
  'ID|Jakarta': 'id-cgk',
  'AU|Sydney': 'ap-southeast',
  'AU|Melbourne': 'au-mel',
  'BR|Sao Paulo': 'br-gru',
  'CA|Toronto': 'ca-central',
};

export const VULTR_CITY_REGIONS: Readonly<Record<string, string>> = {
  'US|Piscataway': 'ewr',
  'US|Elk Grove Village': 'ord',
  'US|Dallas': 'dfw',
  'US|Los Angeles': 'lax',
  'US|Miami': 'mia',
  'US|Atlanta': 'atl',
  'US|Kent': 'sea',
  'US|Santa Clara': 'sjc',
  'US|Honolulu': 'hnl',
  'JP|Shinagawa-ku': 'nrt',
  'JP|Osaka': 'itm',
  'NL|Amsterdam': 'ams',
  'DE|Frankfurt': 'fra',
  'GB|London': 'lhr',
  'GB|Swinton, Manchester': 'man',
  'FR|AUBERVILLIERS': 'cdg',
  'AU|Alexandria': 'syd',
  'AU|Port Melbourne': 'mel',
  'SG|Singapore': 'sgp',
  'KR|Seoul': 'icn',
  'PL|Warsaw': 'waw',
  'IL|Rosh HaAyin': 'tlv',
  'MX|Santiago de Queretaro': 'mex',
  'SE|Spanga': 'sto',
  'ES|Madrid': 'mad',
  'IN|Bangalore': 'blr',
  'IN|Mumbai': 'bom',
  'IN|Noida': 'del',
  'ZA|Isando Gauteng': 'jnb',
  'BR|Osasco': 'sao',
  'CL|Santiago': 'scl',
  'CA|Toronto, ON': 'yto',
};

export function getGeofeedRegion(
  table: Readonly<Record<string, string>>,
  country: string,
  city: string,
): string | null {
  return table[`${country.trim().toUpperCase()}|${city.trim()}`] ?? null;
}
