import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectDocker } from './docker';

describe('detectDocker', () => {
  const saved = { host: process.env.DOCKER_HOST, flag: process.env.POSA_TEST_DOCKER };
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'posa-docker-'));
    delete process.env.POSA_TEST_DOCKER;
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved.host === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved.host;
    if (saved.flag === undefined) delete process.env.POSA_TEST_DOCKER;
    else process.env.POSA_TEST_DOCKER = saved.flag;
  });

  async function serve(status: number): Promise<{ socket: string; close(): Promise<void> }> {
    const socket = path.join(dir, 'engine.sock');
    const server = http.createServer((request, response) => {
      response.statusCode = request.url === '/_ping' ? status : 404;
      response.end('OK');
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    return { socket, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('is true when the engine socket answers its ping', async () => {
    const engine = await serve(200);
    process.env.DOCKER_HOST = `unix://${engine.socket}`;
    try {
      expect(await detectDocker()).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('is false when the socket answers with an error', async () => {
    const engine = await serve(500);
    process.env.DOCKER_HOST = `unix://${engine.socket}`;
    try {
      expect(await detectDocker()).toBe(false);
    } finally {
      await engine.close();
    }
  });

  it('is false when the socket does not exist', async () => {
    process.env.DOCKER_HOST = `unix://${path.join(dir, 'missing.sock')}`;
    expect(await detectDocker()).toBe(false);
  });

  it('is false when POSA_TEST_DOCKER=0, even if an engine answers', async () => {
    const engine = await serve(200);
    process.env.DOCKER_HOST = `unix://${engine.socket}`;
    process.env.POSA_TEST_DOCKER = '0';
    try {
      expect(await detectDocker()).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
