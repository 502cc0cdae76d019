// Starts the portal's backend on its own port and folders, creates services
// from the TypeScript template and from the baseline template in turn, and
// prints the end-to-end time of each (median, min, max), the ratio, and the
// median time of each step. See run.sh.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const runs = Number(process.argv[2] ?? 5);
const base = 'http://localhost:7217';
const benchDir = path.join(root, '.data/bench/scaffolder');
fs.rmSync(benchDir, { recursive: true, force: true });
fs.mkdirSync(path.join(benchDir, 'sqlite'), { recursive: true });

const log = fs.openSync(path.join(benchDir, 'backend.log'), 'w');
const backend = spawn(
  'yarn',
  [
    'workspace',
    'backend',
    'start',
    '--config',
    '../../app-config.yaml',
    '--config',
    '../../bench/scaffolder/app-config.bench.yaml',
  ],
  {
    cwd: root,
    env: { ...process.env, BENCH_DIR: benchDir },
    stdio: ['ignore', log, log],
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-backend.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const sleep = ms => new Promise(r => setTimeout(r, ms));
async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(500);
  }
  throw new Error(
    `${what} did not happen within ${
      timeoutMs / 1000
    } s (see ${benchDir}/backend.log)`,
  );
}

await until(
  'the backend starting',
  async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok,
  180_000,
);
const { backstageIdentity } = await (
  await fetch(`${base}/api/auth/guest/refresh`)
).json();
const headers = {
  authorization: `Bearer ${backstageIdentity.token}`,
  'content-type': 'application/json',
};
const api = async (p, init) => {
  const res = await fetch(`${base}/api/${p}`, { headers, ...init });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return res.json();
};
for (const t of ['typescript-service', 'bench-baseline']) {
  await until(
    `template ${t} in the catalog`,
    async () =>
      Boolean(await api(`catalog/entities/by-name/template/default/${t}`)),
    120_000,
  );
}
for (const ref of [
  'group/default/platform',
  'system/default/property-marketplace',
]) {
  await until(
    `${ref} in the catalog`,
    async () => Boolean(await api(`catalog/entities/by-name/${ref}`)),
    120_000,
  );
}

// The answers a developer gives on the shared form pages, as the tests use them.
const golden = {
  ...JSON.parse(
    fs.readFileSync(
      path.join(root, 'templates/_shared/example-answers.json'),
      'utf8',
    ),
  ),
  // Guest sign-in is jane.doe, who may only name her own team as owner.
  owner: 'group:default/platform',
  language: 'typescript',
  nodeVersion: '22',
  postgres: true,
  bucket: true,
  queue: true,
};

async function create(templateRef, values) {
  const started = performance.now();
  const { id } = await api('scaffolder/v2/tasks', {
    method: 'POST',
    body: JSON.stringify({ templateRef, values }),
  });
  let task;
  for (;;) {
    task = await api(`scaffolder/v2/tasks/${id}`);
    if (!['open', 'processing'].includes(task.status)) break;
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  if (task.status !== 'completed')
    throw new Error(`${templateRef} run ${id} ended ${task.status}`);
  const events = await api(`scaffolder/v2/tasks/${id}/events`);
  const steps = {};
  for (const e of events) {
    const { stepId, status } = e.body ?? {};
    if (!stepId) continue;
    steps[stepId] ??= {};
    if (status === 'processing')
      steps[stepId].start ??= Date.parse(e.createdAt);
    if (status === 'completed' || status === 'skipped')
      steps[stepId].end = Date.parse(e.createdAt);
  }
  return { seconds, steps };
}

const results = { golden: [], baseline: [] };
// One unmeasured run each warms the code paths (module loading, helm, promtool).
await create('template:default/typescript-service', {
  ...golden,
  name: 'bench-warmup',
});
await create('template:default/bench-baseline', {
  name: 'bench-warmup-base',
  owner: 'group:default/platform',
});
for (let i = 0; i < runs; i++) {
  results.golden.push(
    await create('template:default/typescript-service', {
      ...golden,
      name: `bench-golden-${i}`,
    }),
  );
  results.baseline.push(
    await create('template:default/bench-baseline', {
      name: `bench-base-${i}`,
      owner: 'group:default/platform',
    }),
  );
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = s => `${s.toFixed(2)} s`;
const summary = name => {
  const xs = results[name].map(r => r.seconds);
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
};
const g = summary('golden');
const b = summary('baseline');
console.log(
  `\nCreate a service end to end (${runs} runs each, ${new Date().toISOString()}, ${
    process.version
  })`,
);
console.log(
  `  golden path (TypeScript template): median ${fmt(g.median)}  min ${fmt(
    g.min,
  )}  max ${fmt(g.max)}   aim: under 15 s`,
);
console.log(
  `  baseline (skeleton, publish, register): median ${fmt(b.median)}  min ${fmt(
    b.min,
  )}  max ${fmt(b.max)}`,
);
console.log(
  `  ratio golden/baseline (median): ${(g.median / b.median).toFixed(2)}x`,
);
console.log(
  '  golden path, median time per step (1 s resolution: task event timestamps):',
);
for (const stepId of Object.keys(results.golden[0].steps)) {
  const xs = results.golden
    .map(r => r.steps[stepId])
    .filter(s => s?.start && s?.end)
    .map(s => (s.end - s.start) / 1000);
  if (xs.length) console.log(`    ${stepId.padEnd(16)} ${fmt(median(xs))}`);
}
process.exit(0);
