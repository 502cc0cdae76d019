// Fails when yarn.lock resolves any @backstage/* package to more than one
// version. Two copies of a core package (frontend-plugin-api, catalog-react,
// backend-plugin-api, ...) break extension and service identity in ways that
// only show at run time, so a plugin that pulls in an older or newer release
// must be caught before it lands.
//
//   node scripts/check-backstage-versions.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8');

const versions = new Map();
for (const block of lock.split(/\n\n+/)) {
  const header = block.match(/^"(@backstage\/[^@"]+)@npm:/m);
  const version = block.match(/^ {2}version: (\S+)$/m);
  if (header && version) {
    const seen = versions.get(header[1]) ?? new Set();
    seen.add(version[1]);
    versions.set(header[1], seen);
  }
}

const duplicated = [...versions].filter(([, v]) => v.size > 1);
if (duplicated.length) {
  console.error('These @backstage packages resolve to more than one version:');
  for (const [name, v] of duplicated) {
    console.error(`  ${name}: ${[...v].join(', ')}`);
  }
  console.error(
    "Find who pulls each in with 'yarn why <package>' and align it with the release in backstage.json.",
  );
  process.exit(1);
}
console.log(`${versions.size} @backstage packages, one version each.`);
