import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('openapi.generated.ts', () => {
  it('is generated from the current openapi.yaml', () => {
    // The generator's --check exits non-zero when the file differs.
    expect(() =>
      execFileSync(
        'node',
        [
          join(__dirname, '../../../../scripts/generate-openapi.mjs'),
          '--check',
        ],
        { cwd: join(__dirname, '../..') },
      ),
    ).not.toThrow();
  });
});
