import { defineWebExtConfig } from 'wxt';

// The dev runner would try to launch a browser of its own; e2e and the demo launch Debian's instead.
export default defineWebExtConfig({ disabled: true });
