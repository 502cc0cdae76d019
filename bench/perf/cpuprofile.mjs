#!/usr/bin/env node
// Where a backend's CPU time went: reads a V8 .cpuprofile (node --cpu-prof,
// e.g. through PERF_PORTAL_NODE_OPTIONS) and prints the share of samples
// by package (the node_modules folder a function's script is in, or our
// workspace folder) and the functions with the most self time, optionally
// within a window of seconds since the profile started.
//
//   node bench/perf/cpuprofile.mjs FILE [--from S] [--to S] [--top N]
//   node bench/perf/cpuprofile.mjs FILE --timeline 30
//
// --timeline N prints, for each N seconds, how busy the process was and
// its two busiest packages, to find a phase's window (an ingest, a load).
import fs from 'node:fs';

// Every flag takes a value: `--name value`; the one other argument is the file.
const args = process.argv.slice(2);
const flags = new Map();
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) flags.set(args[i].slice(2), Number(args[++i]));
  else files.push(args[i]);
}
const file = files[0];
const flag = name => flags.get(name);
if (!file) {
  console.error(
    'usage: cpuprofile.mjs FILE [--from S] [--to S] [--top N] [--timeline N]',
  );
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map(n => [n.id, n]));

/** The package a script belongs to, from its URL. */
function where(node) {
  const { functionName, url } = node.callFrame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(gc)';
  if (functionName === '(program)') return '(program)';
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const ours = /\/(packages|plugins)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url;
}

// Sample times: timeDeltas are microseconds between consecutive samples.
const times = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) {
  t += delta;
  times.push((t - profile.startTime) / 1e6);
}
const from = flag('from') ?? 0;
const to = flag('to') ?? Infinity;

const timeline = flag('timeline');
if (timeline) {
  const buckets = new Map();
  profile.samples.forEach((id, i) => {
    const bucket = Math.floor(times[i] / timeline);
    const counts = buckets.get(bucket) ?? new Map();
    const w = where(nodes.get(id));
    counts.set(w, (counts.get(w) ?? 0) + 1);
    buckets.set(bucket, counts);
  });
  for (const [bucket, counts] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const idle = counts.get('(idle)') ?? 0;
    const busiest = [...counts]
      .filter(([w]) => w !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([w, n]) => `${w} ${((100 * n) / total).toFixed(0)}%`);
    console.log(
      `${(bucket * timeline)
        .toFixed(timeline < 1 ? 1 : 0)
        .padStart(6)} s  busy ${((100 * (total - idle)) / total)
        .toFixed(0)
        .padStart(3)}%  ${busiest.join(', ')}`,
    );
  }
  process.exit(0);
}

const byWhere = new Map();
const byFunction = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < from || times[i] >= to) return;
  const node = nodes.get(id);
  const w = where(node);
  total++;
  byWhere.set(w, (byWhere.get(w) ?? 0) + 1);
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'} ${w} ${url.split('/').pop()}:${
    lineNumber + 1
  }`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
});
const share = n => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const top = flag('top') ?? 15;
console.log(
  `${total} samples from ${from} s to ${
    to === Infinity ? times[times.length - 1].toFixed(0) : to
  } s`,
);
console.log('\nBy package (self time):');
for (const [w, n] of [...byWhere].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${share(n)}  ${w}`);
}
console.log('\nFunctions (self time):');
for (const [f, n] of [...byFunction]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`${share(n)}  ${f}`);
}
