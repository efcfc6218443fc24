import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: utils/ must stay free of framework globals.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Outage Lens',
    description:
      'When a site fails to load, tells you whether it is your connection, that one site, or a wider cloud outage.',
    permissions: ['webRequest', 'webNavigation', 'alarms'],
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
