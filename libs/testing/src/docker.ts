import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const PING_TIMEOUT_MS = 1500;
let cached: Promise<boolean> | undefined;

/**
 * True when a Docker engine answers. Cheap and bounded: no socket file means no engine, and
 * the ping gives up after 1.5 s. Set POSA_TEST_DOCKER=0 to ignore an engine that answers.
 */
export function dockerAvailable(): Promise<boolean> {
  cached ??= detectDocker();
  return cached;
}

/** Uncached detection behind dockerAvailable(). */
export async function detectDocker(): Promise<boolean> {
  if (process.env.POSA_TEST_DOCKER === '0') return false;
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return tcpAnswers(url.hostname, Number(url.port || 2375));
  }
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : findSocket();
  if (socketPath === undefined || !fs.existsSync(socketPath)) return false;
  return pingSocket(socketPath);
}

function findSocket(): string | undefined {
  const candidates = [
    '/var/run/docker.sock',
    process.env.XDG_RUNTIME_DIR ? path.join(process.env.XDG_RUNTIME_DIR, 'docker.sock') : '',
    path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
  ];
  return candidates.find((candidate) => candidate !== '' && fs.existsSync(candidate));
}

function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(
      { socketPath, path: '/_ping', timeout: PING_TIMEOUT_MS },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: PING_TIMEOUT_MS });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}
