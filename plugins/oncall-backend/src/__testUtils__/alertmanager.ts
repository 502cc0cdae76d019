import { startServerProcess } from '@gogidix/infra-validation';
import { eventually } from '@gogidix/test-kit';
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

/** How Alertmanager (exporter-toolkit) logs the address it listens on. */
const LISTENING = /msg="Listening on" address=127\.0\.0\.1:(\d+)/;

/**
 * Starts Debian's real Alertmanager (scripts/bootstrap.sh installs it) with a
 * throwaway config and storage, no clustering, on a port the kernel picks.
 */
export async function startAlertmanager(): Promise<RunningAlertmanager> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alertmanager-'));
  const configFile = path.join(dir, 'alertmanager.yml');
  await fs.writeFile(
    configFile,
    'route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n',
  );
  const server = await startServerProcess(
    BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.path=${dir}`,
      '--web.listen-address=127.0.0.1:0',
      '--cluster.listen-address=',
      // info, for the "Listening on" line that names the port
      '--log.level=info',
    ],
    { listening: LISTENING },
  ).catch(error => {
    throw new Error(
      `Alertmanager did not start; install prometheus-alertmanager (scripts/bootstrap.sh) or set PORTAL_ALERTMANAGER. ${error.message}`,
    );
  });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  // Listening comes before ready: poll readiness, saying what it printed if it never is.
  await eventually(async () => (await fetch(`${baseUrl}/-/ready`)).ok, {
    what: 'Alertmanager answering /-/ready',
    timeoutMs: 10_000,
    intervalMs: 100,
  }).catch(async () => {
    await server.stop();
    throw new Error(
      `Alertmanager listened on ${baseUrl} but /-/ready never answered OK:\n${server.output()}`,
    );
  });

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
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
