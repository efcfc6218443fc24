/**
 * Framing of Firefox's Remote Debugging Protocol: each packet is `<byte length>:<JSON>` on one TCP
 * stream. The decoder keeps the bytes of a packet that arrived only in part, and returns every
 * complete packet of a chunk, in order (one chunk often carries a reply and an event together).
 */

/** One RDP packet: `from` the actor that sent it; events carry a `type`, replies do not. */
export interface RdpPacket {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [field: string]: unknown;
}

export function encodeFrame(packet: object): Buffer {
  const body = Buffer.from(JSON.stringify(packet), 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]);
}

export interface FrameDecoder {
  /** Adds a chunk; returns the packets it completed. Throws on a frame that is not `<digits>:<JSON>`. */
  push(chunk: Buffer): RdpPacket[];
}

/** Longest length prefix accepted before the colon; a longer one means the stream is out of step. */
const MAX_PREFIX = 12;

export function createFrameDecoder(): FrameDecoder {
  let pending: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const packets: RdpPacket[] = [];
      for (;;) {
        const colon = pending.indexOf(0x3a);
        if (colon === -1) {
          if (pending.length > MAX_PREFIX) throw new Error('RDP frame without a length prefix');
          break;
        }
        const prefix = pending.subarray(0, colon).toString('ascii');
        // Bulk packets (`bulk actor type length:`) carry binary data; nothing here asks for them.
        if (!/^\d{1,12}$/.test(prefix)) throw new Error(`RDP frame with a bad length prefix: ${prefix}`);
        const end = colon + 1 + Number(prefix);
        if (pending.length < end) break;
        packets.push(JSON.parse(pending.subarray(colon + 1, end).toString('utf8')) as RdpPacket);
        pending = pending.subarray(end);
      }
      return packets;
    },
  };
}
