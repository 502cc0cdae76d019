import { runCommand } from '@gogidix/infra-validation';
import { join } from 'node:path';

// The generator is a node process of its own: seconds on a busy machine.
jest.setTimeout(60_000);

describe('openapi.generated.ts', () => {
  it('is generated from the current openapi.yaml', async () => {
    // The generator's --check exits non-zero when the file differs; the
    // failure then shows what it printed.
    await expect(
      runCommand(
        'node',
        [
          join(__dirname, '../../../../scripts/generate-openapi.mjs'),
          '--check',
        ],
        { cwd: join(__dirname, '../..') },
      ),
    ).resolves.toBeDefined();
  });
});
