import net from 'node:net';
import { createFrameDecoder, encodeFrame, type RdpPacket } from './rdp-frames';

/**
 * A client for Firefox's Remote Debugging Protocol (`--start-debugger-server PORT`). Requests to one
 * actor are answered in the order they were sent, so each actor has a FIFO of waiting requests; a
 * packet with a `type` is an event and goes to the listeners instead.
 */
export interface RdpConnection {
  /** Sends `{to: actor, type, ...params}` and resolves with the actor's reply; rejects on an `error` reply. */
  request(actor: string, type: string, params?: Record<string, unknown>): Promise<RdpPacket>;
  /** Calls `listener` for every event packet until the returned function is called. */
  onEvent(listener: (packet: RdpPacket) => void): () => void;
  close(): void;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** A request still owed a reply; one that timed out stays queued (settled) to absorb its late reply. */
interface Waiting {
  type: string;
  settled: boolean;
  resolve(packet: RdpPacket): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Connects, retrying while the port is not open yet, and waits for the server's greeting. */
export async function connectRdp(port: number, timeoutMs = 10_000): Promise<RdpConnection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await openConnection(port);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`no RDP server on port ${port}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function openConnection(port: number): Promise<RdpConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const decoder = createFrameDecoder();
    const waiting = new Map<string, Waiting[]>();
    const listeners = new Set<(packet: RdpPacket) => void>();
    let greeted = false;

    const failAll = (error: Error) => {
      for (const queue of waiting.values()) {
        for (const w of queue) {
          clearTimeout(w.timer);
          if (!w.settled) w.reject(error);
          w.settled = true;
        }
      }
      waiting.clear();
    };

    const dispatch = (packet: RdpPacket) => {
      if (!greeted) {
        greeted = true;
        if (packet.from !== 'root') reject(new Error(`unexpected RDP greeting ${JSON.stringify(packet)}`));
        else resolve(connection);
        return;
      }
      // An error packet answers a request even though it has no reply shape of its own.
      if (packet.type !== undefined && packet.error === undefined) {
        for (const listener of listeners) listener(packet);
        return;
      }
      const head = waiting.get(packet.from)?.shift();
      if (!head || head.settled) return;
      head.settled = true;
      clearTimeout(head.timer);
      if (packet.error)
        head.reject(new Error(`RDP ${head.type} to ${packet.from}: ${packet.error} ${packet.message ?? ''}`));
      else head.resolve(packet);
    };

    socket.on('data', (chunk) => {
      try {
        for (const packet of decoder.push(chunk)) dispatch(packet);
      } catch (error) {
        failAll(error as Error);
        socket.destroy();
      }
    });
    socket.on('error', (error) => {
      if (!greeted) reject(error);
      failAll(error);
    });
    socket.on('close', () => {
      if (!greeted) reject(new Error('RDP connection closed before the greeting'));
      failAll(new Error('RDP connection closed'));
    });

    const connection: RdpConnection = {
      request(actor, type, params = {}) {
        return new Promise((resolveRequest, rejectRequest) => {
          const entry: Waiting = {
            type,
            settled: false,
            resolve: resolveRequest,
            reject: rejectRequest,
            timer: setTimeout(() => {
              entry.settled = true;
              rejectRequest(new Error(`RDP ${type} to ${actor}: no reply within ${REQUEST_TIMEOUT_MS} ms`));
            }, REQUEST_TIMEOUT_MS),
          };
          const queue = waiting.get(actor) ?? [];
          queue.push(entry);
          waiting.set(actor, queue);
          socket.write(encodeFrame({ to: actor, type, ...params }));
        });
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        socket.destroy();
      },
    };
  });
}
