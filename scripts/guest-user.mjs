#!/usr/bin/env node
// Prints who guest sign-in signs in as, for scripts/start.sh's "the portal is
// up" line: "Amara Okafor (VP of Engineering, Engineering)". The user is the
// one the backend will read: APP_CONFIG_auth_providers_guest_userEntityRef if
// set, else app-config.local.yaml, else app-config.yaml; the name, title and
// teams come from the demo organisation.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function configuredRef() {
  const fromEnv = process.env.APP_CONFIG_auth_providers_guest_userEntityRef;
  if (fromEnv) return fromEnv;
  let ref;
  // Later files win, as with backstage-cli's config loading.
  for (const file of ['app-config.yaml', 'app-config.local.yaml']) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const value = parse(readFileSync(path, 'utf8'))?.auth?.providers?.guest
      ?.userEntityRef;
    if (typeof value === 'string') ref = value;
  }
  return ref;
}

function entities(file) {
  return parseAllDocuments(readFileSync(join(root, 'demo/org', file), 'utf8'))
    .map(doc => doc.toJSON())
    .filter(Boolean);
}

const ref = configuredRef();
if (!ref) {
  console.log('the guest user (auth.providers.guest.userEntityRef is not set)');
  process.exit(0);
}
const name = ref.replace(/^user:/, '').replace(/^default\//, '');
const user = entities('users.yaml').find(u => u.metadata?.name === name);
if (!user) {
  console.log(
    `${ref}, who is not in the demo organisation (demo/org/users.yaml)`,
  );
  process.exit(0);
}
const groups = entities('groups.yaml');
const teams = (user.spec?.memberOf ?? []).map(
  team =>
    groups.find(g => g.metadata?.name === team)?.spec?.profile?.displayName ??
    team,
);
const details = [user.metadata.description, ...teams].filter(Boolean);
console.log(
  `${user.spec?.profile?.displayName ?? name}${
    details.length ? ` (${details.join(', ')})` : ''
  }`,
);
