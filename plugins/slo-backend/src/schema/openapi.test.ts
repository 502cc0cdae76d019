import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('openapi.generated.ts', () => {
  it('is generated from the current openapi.yaml', () => {
    // Throws (and fails the test) when the generator's --check finds a difference.
    execFileSync('node', [
      join(__dirname, '../../scripts/generate-openapi.mjs'),
      '--check',
    ]);
  });
});
