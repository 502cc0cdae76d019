import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

/** The repository root, whatever the test's working directory. */
export const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * The committed app-config.yaml, as the tests' base configuration, so that
 * they start the backend the README's start command starts.
 */
export function readAppConfig(file = 'app-config.yaml'): JsonObject {
  return yaml.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

/** A path in app-config.yaml, which is relative to packages/backend. */
export const fromBackendDir = (target: string) =>
  path.resolve(repoRoot, 'packages/backend', target);

/**
 * The committed catalog configuration with its file paths (locations and
 * shared folders) made absolute, so it reads the same files from any
 * working directory.
 */
export function appCatalogConfig(): JsonObject {
  const catalog = readAppConfig().catalog as JsonObject;
  const locations = catalog.locations as JsonObject[];
  const localFiles = catalog.localFiles as { sharedFolders: string[] };
  return {
    ...catalog,
    locations: locations.map(location => ({
      ...location,
      target: fromBackendDir(String(location.target)),
    })),
    localFiles: { sharedFolders: localFiles.sharedFolders.map(fromBackendDir) },
  };
}
