import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running HTTP server on 127.0.0.1: `base` is `http://127.0.0.1:<port>`, without a trailing slash. */
export interface LoopbackServer {
  base: string;
  close(): Promise<void>;
}

/** Starts `handle` on a free loopback port; tests never reach beyond this machine. */
export async function startLoopbackServer(handle: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: async () => {
      // Open keep-alive or hanging responses would hold close() forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL on a port that was free a moment ago, so connecting to it is refused. */
export async function getRefusedUrl(path: string): Promise<string> {
  const closed = await startLoopbackServer(() => {});
  await closed.close();
  return `${closed.base}${path}`;
}
