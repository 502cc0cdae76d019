import { expect, Page, test as base } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { backendEnv, embedded } from '../embedded.config';

export const screenshots = path.join(embedded.dataDir, 'results/screenshots');

export const WIDE = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A full-page screenshot into the suite's screenshot folder. */
export async function shoot(page: Page, name: string) {
  const { width } = page.viewportSize()!;
  await page.screenshot({
    path: path.join(screenshots, `${name}-${width}.png`),
    fullPage: true,
  });
}

/**
 * `shoot`, and a copy under PORTAL_SHOTS (e.g. /work/shots/delivery) when
 * set, for review outside the suite's results.
 */
export async function shootBoth(page: Page, name: string) {
  await shoot(page, name);
  const dir = process.env.PORTAL_SHOTS;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({
      path: path.join(dir, `${name}-${page.viewportSize()!.width}.png`),
      fullPage: true,
    });
  }
}

/** The last lines of a log file, to say why a backend did not start. */
function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portAnswers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The dev backend as `yarn start` runs it (packages/backend `start`), signed
 * in by the guest provider as `user`. The guest is one fixed user per backend
 * process, so each role's journey starts its own.
 */
export class EmbeddedBackend {
  private child?: ChildProcess;
  private exited?: string;
  readonly log: string;

  constructor(readonly user: string) {
    this.log = path.join(
      embedded.dataDir,
      'results',
      `backend-${user.replace(/\W+/g, '-')}.log`,
    );
  }

  async start() {
    const health = `http://localhost:${embedded.backend}/.backstage/health/v1/readiness`;
    if (await portAnswers(health)) {
      throw new Error(
        `Something already answers on port ${embedded.backend}: a backend of an earlier run was left behind?`,
      );
    }
    fs.mkdirSync(path.dirname(this.log), { recursive: true });
    const out = fs.openSync(this.log, 'w');
    // Its own process group: stop() ends the CLI and the node it forks.
    this.child = spawn('yarn', ['workspace', 'backend', 'start'], {
      cwd: embedded.repoRoot,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        ...backendEnv,
        APP_CONFIG_auth_providers_guest_userEntityRef: this.user,
      },
    });
    fs.closeSync(out);
    // Should the worker end without afterAll (interrupted, crashed), the
    // backend's process group goes with it.
    const pid = this.child.pid!;
    process.once('exit', () => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? code}`;
    });

    const deadline = Date.now() + 300_000;
    for (;;) {
      if (this.exited) {
        throw new Error(
          `The backend for ${this.user} ${
            this.exited
          } before it was ready; its log (${this.log}) ends:\n${tail(
            this.log,
          )}`,
        );
      }
      try {
        const res = await fetch(health, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The backend for ${
            this.user
          } was not ready within 5 minutes; its log (${this.log}) ends:\n${tail(
            this.log,
          )}`,
        );
      }
      await sleep(1_000);
    }
  }

  /** Started and not exited since. */
  get running(): boolean {
    return Boolean(this.child) && !this.exited;
  }

  /** Ends the whole process tree and waits until it is gone. */
  async stop() {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 150 && groupAlive(pid); i++) await sleep(200);
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(200);
  }
}

/**
 * The backend of the journey before. A backend takes a minute or more to
 * start on 2 cores, so the next journey keeps it when it is for the same
 * user; the files are named so that each role's journeys run together
 * (playwright runs them in file order in one worker).
 */
let current: EmbeddedBackend | undefined;

/**
 * `test` with the worker's backend stopped when the worker ends (after the
 * last file, or when a failure makes playwright start a new worker).
 */
export const test = base.extend<{}, { embeddedBackend: void }>({
  embeddedBackend: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use();
      await current?.stop();
      current = undefined;
    },
    { scope: 'worker', auto: true },
  ],
});

/** The tests of this file run against a backend signed in as `user`. */
export function backendFor(user: string) {
  test.beforeAll(async () => {
    if (current?.user === user && current.running) return;
    test.setTimeout(420_000);
    await current?.stop();
    current = new EmbeddedBackend(user);
    await current.start();
  });
}

/** Guest sign-in, as start.sh offers it; done once the sign-in page is gone. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  // The dev server compiles the app on the first visit: minutes on 2 cores.
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 300_000 });
  await expect(enter).toHaveCount(0);
  await expect(page.getByText('Enter as a Guest User.')).toHaveCount(0);
}

/** Where the developer journey notes the service it created, for the admin's. */
export const createdServiceFile = path.join(
  embedded.dataDir,
  'results',
  'created-service.txt',
);
