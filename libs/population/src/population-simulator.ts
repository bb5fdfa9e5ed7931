/**
 * A stand-in for the national population database: a small HTTP server (node:http, bound to
 * 127.0.0.1) answering verification requests by the rules of simulator-rules.ts. The app
 * starts one in process when POPULATION_REGISTRY_URL is not set, so the embedded run and the
 * tests go through the same HTTP client as production. `unavailable = true` makes it answer
 * 503 to everything; `hold()` adds a person it then knows in full.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { VERIFY_PATH, type VerifyQuery } from './population-registry';
import { answer, isWellFormedQuery, type SimulatedPerson } from './simulator-rules';

const MAX_BODY_BYTES = 16 * 1024;

export class PopulationSimulator {
  /** When true every request gets 503 (the registry is down). */
  unavailable = false;
  /** Verification requests received (any answer), for tests of the client's retries. */
  requestCount = 0;
  private readonly held = new Map<string, SimulatedPerson>();
  private server: http.Server | undefined;
  private baseUrl: string | undefined;

  hold(citizenId: string, person: SimulatedPerson): void {
    this.held.set(citizenId, person);
  }

  /** Listens on 127.0.0.1 (port 0 = any free port) and returns the base URL. */
  async start(port = 0): Promise<string> {
    if (this.baseUrl !== undefined) return this.baseUrl;
    const server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  get url(): string {
    if (this.baseUrl === undefined) throw new Error('the population simulator is not started');
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.baseUrl = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== VERIFY_PATH) {
      reply(404, { error: 'no such resource' });
      return;
    }
    this.requestCount++;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (this.unavailable) return reply(503, { error: 'service unavailable' });
      if (size > MAX_BODY_BYTES) return reply(413, { error: 'body too large' });
      let query: Partial<VerifyQuery>;
      try {
        query = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<VerifyQuery>;
      } catch {
        return reply(400, { error: 'body is not JSON' });
      }
      if (!isWellFormedQuery(query)) return reply(400, { error: 'malformed query' });
      const result = answer(query, this.held);
      if (!result.found) return reply(404, { found: false });
      return reply(200, { found: true, mismatchedFields: result.mismatchedFields });
    });
  }
}
