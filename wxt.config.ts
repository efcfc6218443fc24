import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: utils/ must stay free of framework globals.
  imports: false,
  // Product data beside the repo (CI clones it with shared/ next to it), bundled at build time, never copied.
  alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  manifest: ({ browser }) => ({
    name: 'Outage Lens',
    description:
      'When a site fails to load, tells you whether it is your connection, that one site, or a wider cloud outage.',
    // Firefox alone has a DNS API (canonical names for attribution); Chrome's manifest lists only what it uses.
    permissions: ['webRequest', 'webNavigation', 'alarms', ...(browser === 'firefox' ? ['dns'] : [])],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Outage Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'outage-lens@outage-lens.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['tests/**', 'bench/**', 'server/**', '**/*.log', 'test-results/**'] },
  vite: () => ({ plugins: [preact()] }),
});
