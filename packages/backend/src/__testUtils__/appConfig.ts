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
