import http from 'node:http';
import net from 'node:net';

/**
 * Local servers on 127.0.0.1 (port 0) that fail the way real sites fail, so the browser reports
 * genuine errors. Both browsers map the fake names below to 127.0.0.1 (see HOST_NAMES); the failure
 * kind comes from the port (refused, reset, empty) or from the Host header on the web server.
 *
 * Layout of `FaultServers.urls`: one ready-to-visit URL per scenario, keyed by scenario name.
 */

/**
 * Names the browsers resolve to 127.0.0.1; every other name is NXDOMAIN. Firefox takes exact names
 * only (tests/e2e-firefox/harness/firefox-prefs.ts).
 */
export const HOST_NAMES = [
  'ok.test',
  '*.ok.test',
  'down.test',
  'flaky.test',
  'shop.test',
  '*.shop.test',
  'refused.test',
  'reset.test',
  'empty.test',
  'tls.test',
  // Sites the user maps to a provider in the outage tests, and the connectivity probe endpoint.
  'alpha.test',
  'bravo.test',
  'charlie.test',
  'delta.test',
  'probe.test',
];

/** How a mapped site (alpha.test ...) fails when told to: a 503 answer, a refused or a reset connection. */
export type SiteFault = '503' | 'refused' | 'reset';

export interface FaultServers {
  urls: {
    healthy: string;
    http503: string;
    refused: string;
    nxdomain: string;
    reset: string;
    empty: string;
    tls: string;
    failingApi: string;
    flaky: string;
    /** The connectivity probe endpoint (answers 204). */
    probe: string;
  };
  /** URL of a mapped site as it is now: healthy, or failing the way `setSiteFault` said. */
  getSiteUrl(host: string): string;
  /** Makes a mapped site fail (or healthy again with null). */
  setSiteFault(host: string, fault: SiteFault | null): void;
  /** Every mapped site healthy again (between tests). */
  resetSites(): void;
  /** flaky.test answers 503 until this is set to true. */
  setFlakyHealthy(healthy: boolean): void;
  /** Number of requests the web server answered, by Host name (without port). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startFaultServers(): Promise<FaultServers> {
  let flakyHealthy = false;
  const siteFaults = new Map<string, SiteFault>();
  const hits = new Map<string, number>();
  const web = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    hits.set(host, (hits.get(host) ?? 0) + 1);
    routeWeb(host, req.url ?? '/', res, {
      flakyHealthy,
      siteFaults,
      apiBase: `http://api.shop.test:${webPort}`,
      imageBase: `http://img.shop.test:${resetPort}`,
    });
  });

  // Accepts, then sends a TCP RST: the browser sees a reset connection.
  const resetServer = net.createServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
    socket.on('error', () => {});
  });
  const resetPort = await listen(resetServer);
  const webPort = await listen(web);

  // Accepts, reads the request, closes without a byte of response.
  const emptyServer = net.createServer((socket) => {
    socket.once('data', () => socket.end());
    socket.on('error', () => {});
  });
  const emptyPort = await listen(emptyServer);

  // Nothing listens here any more: connection refused.
  const closed = net.createServer();
  const refusedPort = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  return {
    urls: {
      healthy: `http://ok.test:${webPort}/`,
      http503: `http://down.test:${webPort}/`,
      refused: `http://refused.test:${refusedPort}/`,
      nxdomain: `http://nx.test:${webPort}/`,
      reset: `http://reset.test:${resetPort}/`,
      empty: `http://empty.test:${emptyPort}/`,
      // TLS to a plain-HTTP port: the handshake reads an HTTP error page and fails.
      tls: `https://tls.test:${webPort}/`,
      failingApi: `http://www.shop.test:${webPort}/`,
      flaky: `http://flaky.test:${webPort}/`,
      probe: `http://probe.test:${webPort}/generate_204`,
    },
    getSiteUrl(host) {
      const fault = siteFaults.get(host);
      const port = fault === 'refused' ? refusedPort : fault === 'reset' ? resetPort : webPort;
      return `http://${host}:${port}/`;
    },
    setSiteFault(host, fault) {
      if (fault === null) siteFaults.delete(host);
      else siteFaults.set(host, fault);
    },
    resetSites() {
      siteFaults.clear();
    },
    setFlakyHealthy(healthy) {
      flakyHealthy = healthy;
    },
    hits,
    async close() {
      web.closeAllConnections();
      await Promise.all([web, resetServer, emptyServer].map((s) => closeServer(s)));
    },
  };
}

/** What routing needs besides the request: the flaky switch and the failing hosts' base URLs. */
interface RouteState {
  flakyHealthy: boolean;
  /** Mapped sites told to fail; only '503' is answered here (the others use other ports). */
  siteFaults: ReadonlyMap<string, SiteFault>;
  apiBase: string;
  imageBase: string;
}

/** Healthy sub-resources of the healthy page, by path: [content type, body]. */
const STATIC_FILES: Record<string, [string, string]> = {
  '/style.css': ['text/css', 'body{font-family:sans-serif}'],
  '/app.js': ['text/javascript', 'document.title += " ready";'],
  '/pixel.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'],
  '/api/status': ['application/json', '{"ok":true}'],
};

function routeWeb(host: string, path: string, res: http.ServerResponse, state: RouteState): void {
  if (host === 'probe.test') {
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  } else if (
    host === 'down.test' ||
    (host === 'flaky.test' && !state.flakyHealthy) ||
    state.siteFaults.get(host) === '503'
  ) {
    send(res, 503, 'text/html', '<!doctype html><title>Service Unavailable</title><h1>503</h1>');
  } else if (host === 'api.shop.test') {
    send(res, 503, 'application/json', '{"error":"upstream unavailable"}', {
      'access-control-allow-origin': '*',
    });
  } else if (host === 'www.shop.test') {
    send(res, 200, 'text/html', shopPage(state.apiBase, state.imageBase));
  } else {
    const [type, body] = STATIC_FILES[path] ?? ['text/html', healthyPage()];
    send(res, 200, type, body);
  }
}

// A page that uses every healthy resource type, so a clean load is really exercised.
function healthyPage(): string {
  return `<!doctype html><html lang="en"><head><title>Healthy</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head>
<body><h1>All good</h1><img src="/pixel.svg" alt="">
<script>fetch('/api/status').then((r) => r.json()).then(() => { document.body.dataset.loaded = 'yes'; });</script>
</body></html>`;
}

// The document loads; its own API and image host (siblings, same registrable domain) fail.
function shopPage(apiBase: string, imageBase: string): string {
  return `<!doctype html><html lang="en"><head><title>Shop</title></head>
<body><h1>Shop</h1><img src="${imageBase}/logo.png" alt="Shop logo"><p id="state">loading</p>
<script>
Promise.allSettled([fetch('${apiBase}/cart'), fetch('${apiBase}/prices')]).then(() => {
  document.getElementById('state').textContent = 'api calls done';
});
</script></body></html>`;
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return address.port;
}

async function closeServer(server: net.Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
