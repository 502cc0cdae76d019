import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const BINARY = process.env.PORTAL_ALERTMANAGER ?? 'prometheus-alertmanager';

export interface RunningAlertmanager {
  baseUrl: string;
  /** Posts alerts through Alertmanager's own API, as Prometheus does. */
  post(alerts: PostableAlert[]): Promise<void>;
  stop(): Promise<void>;
}

export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/**
 * Starts Debian's real Alertmanager (scripts/bootstrap.sh installs it) with a
 * throwaway config and storage, no clustering, on the given port.
 */
export async function startAlertmanager(
  port: number,
): Promise<RunningAlertmanager> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alertmanager-'));
  const configFile = path.join(dir, 'alertmanager.yml');
  await fs.writeFile(
    configFile,
    'route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n',
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  const failure = Promise.race([
    new Promise<Error>(resolve => child.once('error', resolve)),
    exited.then(code => new Error(`exited with ${code}: ${stderr}`)),
  ]);

  const deadline = Date.now() + 15_000;
  for (;;) {
    const failed = await Promise.race([
      failure,
      new Promise<undefined>(resolve => setTimeout(resolve, 200)),
    ]);
    if (failed) {
      throw new Error(
        `Alertmanager (${BINARY}) did not start: ${failed.message}; install prometheus-alertmanager (scripts/bootstrap.sh)`,
      );
    }
    const ready = await fetch(`${baseUrl}/-/ready`).then(
      r => r.ok,
      () => false,
    );
    if (ready) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Alertmanager did not become ready: ${stderr}`);
    }
  }

  return {
    baseUrl,
    async post(alerts) {
      const response = await fetch(`${baseUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) {
        throw new Error(`Posting alerts: ${response.status}`);
      }
    },
    async stop() {
      child.kill();
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
