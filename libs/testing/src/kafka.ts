import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { resolveEngine } from './infra';
import { infraScript, infraStateDir } from './paths';

const LOCAL_BROKER = '127.0.0.1:19092';
const RESTART_TIMEOUT_MS = 180_000;

/**
 * True when the brokers in use are the local Kafka process of scripts/infra and it is
 * running, so restartKafka() can stop and start it.
 */
export async function canRestartKafka(): Promise<boolean> {
  const { address, source } = await resolveEngine('kafka');
  return source !== 'docker' && address === LOCAL_BROKER && localKafkaRunning();
}

/**
 * Restarts the local Kafka process (scripts/infra/kafka.sh restart) and resolves once the
 * broker accepts connections again. Throws when the brokers are not the local process.
 */
export async function restartKafka(): Promise<void> {
  if (!(await canRestartKafka())) {
    throw new Error(
      `restartKafka: the brokers in use are not the local Kafka process at ${LOCAL_BROKER}`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    execFile(
      'bash',
      [infraScript('kafka.sh'), 'restart'],
      { timeout: RESTART_TIMEOUT_MS },
      (error, _stdout, stderr) => {
        if (error)
          reject(
            new Error(`restartKafka: kafka.sh restart failed: ${stderr.trim() || error.message}`),
          );
        else resolve();
      },
    );
  });
  await waitForPort('127.0.0.1', 19092, 30_000);
}

function localKafkaRunning(): boolean {
  try {
    const pid = Number(
      fs.readFileSync(path.join(infraStateDir, 'kafka', 'kafka.pid'), 'utf8').trim(),
    );
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await connects(host, port))) {
    if (Date.now() > deadline)
      throw new Error(`restartKafka: ${host}:${port} does not accept connections`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
