/**
 * A clamd client (ClamAV daemon) over TCP with the INSTREAM command: `zINSTREAM\0`, then the
 * file in chunks, each prefixed by its length as 4 bytes big-endian, ended by a zero length.
 * clamd answers one NUL-terminated line: `stream: OK`, `stream: <signature> FOUND`, or a
 * line ending in `ERROR` (e.g. the file exceeds its StreamMaxLength).
 */
import net from 'node:net';
import {
  ScannerUnavailableError,
  type AttachmentScanner,
  type ScanOutcome,
} from './attachment-scanner';

export interface ClamdOptions {
  host: string;
  port: number;
  /** Bound of one whole scan, ms. */
  timeoutMs: number;
  /** Bytes per INSTREAM chunk (default 64 KiB). */
  chunkBytes?: number;
}

/** `host:port` as in CLAMD_ADDRESS; throws a readable error otherwise. */
export function parseClamdAddress(address: string): { host: string; port: number } {
  const sep = address.lastIndexOf(':');
  const host = address.slice(0, sep);
  const port = Number(address.slice(sep + 1));
  if (sep <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`CLAMD_ADDRESS must be host:port, got ${address}`);
  }
  return { host, port };
}

/** The INSTREAM request for a file: command, length-prefixed chunks, zero terminator. */
export function instreamFrames(content: Buffer, chunkBytes: number): Buffer[] {
  const frames: Buffer[] = [Buffer.from('zINSTREAM\0', 'latin1')];
  for (let offset = 0; offset < content.length; offset += chunkBytes) {
    const chunk = content.subarray(offset, offset + chunkBytes);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    frames.push(length, chunk);
  }
  frames.push(Buffer.alloc(4));
  return frames;
}

/** The outcome in clamd's reply line; throws for an error reply. */
export function parseClamdReply(reply: string): ScanOutcome {
  const line = reply.replace(/\0+$/, '').trim();
  if (/^stream: OK$/.test(line)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found !== null) return { clean: false, signature: found[1] ?? 'unknown' };
  throw new ScannerUnavailableError(`clamd answered: ${line.slice(0, 200)}`);
}

export class ClamdScanner implements AttachmentScanner {
  readonly name = 'clamd';

  constructor(private readonly options: ClamdOptions) {}

  scan(content: Buffer): Promise<ScanOutcome> {
    const { host, port, timeoutMs } = this.options;
    const frames = instreamFrames(content, this.options.chunkBytes ?? 65_536);
    return new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host, port });
      const received: Buffer[] = [];
      let settled = false;
      const finish = (err: Error | undefined, reply?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (err !== undefined) reject(err);
        else resolve(reply ?? '');
      };
      const timer = setTimeout(
        () => finish(new ScannerUnavailableError(`clamd gave no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.on('connect', () => {
        for (const frame of frames) socket.write(frame);
      });
      socket.on('data', (data: Buffer) => {
        received.push(data);
        const all = Buffer.concat(received);
        if (all.includes(0)) finish(undefined, all.subarray(0, all.indexOf(0)).toString('utf8'));
      });
      socket.on('end', () => finish(undefined, Buffer.concat(received).toString('utf8')));
      socket.on('error', (err) =>
        finish(new ScannerUnavailableError('clamd unreachable', { cause: err })),
      );
    }).then(parseClamdReply);
  }
}
