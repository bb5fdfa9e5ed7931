/**
 * The clamd client against a small TCP server started here that reads INSTREAM framing the
 * way clamd does and answers in clamd's reply format: a real socket on 127.0.0.1.
 */
import net from 'node:net';
import { EICAR_TEST_STRING, ScannerUnavailableError } from './attachment-scanner';
import { ClamdScanner, instreamFrames, parseClamdAddress, parseClamdReply } from './clamd-scanner';

interface Received {
  command: string;
  chunkLengths: number[];
  content: Buffer;
}

/** Parses one INSTREAM request from the bytes received so far; undefined until complete. */
function parseRequest(bytes: Buffer): Received | undefined {
  const nul = bytes.indexOf(0);
  if (nul < 0) return undefined;
  const command = bytes.subarray(0, nul).toString('latin1');
  let offset = nul + 1;
  const chunks: Buffer[] = [];
  const chunkLengths: number[] = [];
  for (;;) {
    if (bytes.length < offset + 4) return undefined;
    const length = bytes.readUInt32BE(offset);
    offset += 4;
    if (length === 0) return { command, chunkLengths, content: Buffer.concat(chunks) };
    if (bytes.length < offset + length) return undefined;
    chunks.push(bytes.subarray(offset, offset + length));
    chunkLengths.push(length);
    offset += length;
  }
}

async function startClamdLike(
  reply: (request: Received) => string,
): Promise<{ port: number; requests: Received[]; close(): Promise<void> }> {
  const requests: Received[] = [];
  const server = net.createServer((socket) => {
    let bytes = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      bytes = Buffer.concat([bytes, data]);
      const request = parseRequest(bytes);
      if (request === undefined) return;
      requests.push(request);
      socket.end(`${reply(request)}\0`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const verdict = (r: Received): string =>
  r.content.includes(Buffer.from(EICAR_TEST_STRING, 'latin1'))
    ? 'stream: Win.Test.EICAR_HDB-1 FOUND'
    : 'stream: OK';

describe('clamd INSTREAM client', () => {
  it('sends the command, length-prefixed chunks and the zero terminator', async () => {
    const clamd = await startClamdLike(verdict);
    try {
      const scanner = new ClamdScanner({
        host: '127.0.0.1',
        port: clamd.port,
        timeoutMs: 10_000,
        chunkBytes: 1000,
      });
      const content = Buffer.alloc(2500, 7);
      await expect(scanner.scan(content)).resolves.toEqual({ clean: true });
      expect(clamd.requests).toHaveLength(1);
      const [request] = clamd.requests;
      expect(request?.command).toBe('zINSTREAM');
      expect(request?.chunkLengths).toEqual([1000, 1000, 500]);
      expect(request?.content.equals(content)).toBe(true);
    } finally {
      await clamd.close();
    }
  });

  it('reports the signature clamd found', async () => {
    const clamd = await startClamdLike(verdict);
    try {
      const scanner = new ClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 10_000 });
      const infected = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.from(EICAR_TEST_STRING, 'latin1'),
      ]);
      await expect(scanner.scan(infected)).resolves.toEqual({
        clean: false,
        signature: 'Win.Test.EICAR_HDB-1',
      });
    } finally {
      await clamd.close();
    }
  });

  it('turns an error reply into ScannerUnavailableError', async () => {
    const clamd = await startClamdLike(() => 'INSTREAM size limit exceeded. ERROR');
    try {
      const scanner = new ClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 10_000 });
      await expect(scanner.scan(Buffer.from('x'))).rejects.toThrow(ScannerUnavailableError);
    } finally {
      await clamd.close();
    }
  });

  it('turns a refused connection into ScannerUnavailableError', async () => {
    const clamd = await startClamdLike(verdict);
    const port = clamd.port;
    await clamd.close();
    const scanner = new ClamdScanner({ host: '127.0.0.1', port, timeoutMs: 10_000 });
    await expect(scanner.scan(Buffer.from('x'))).rejects.toThrow(ScannerUnavailableError);
  });

  it('frames an empty file as the command and the terminator alone', () => {
    const frames = instreamFrames(Buffer.alloc(0), 10);
    expect(Buffer.concat(frames).equals(Buffer.from('zINSTREAM\0\0\0\0\0', 'latin1'))).toBe(true);
  });

  it('parses replies and addresses', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Eicar-Signature FOUND')).toEqual({
      clean: false,
      signature: 'Eicar-Signature',
    });
    expect(() => parseClamdReply('')).toThrow(ScannerUnavailableError);
    expect(parseClamdAddress('127.0.0.1:3310')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(() => parseClamdAddress('clamd')).toThrow(/host:port/);
    expect(() => parseClamdAddress('clamd:99999')).toThrow(/host:port/);
  });
});
