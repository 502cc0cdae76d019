import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGeneratedOpenApi } from './generatedOpenApi';

// The generator is a node process of its own: seconds on a busy machine.
jest.setTimeout(60_000);

describe('checkGeneratedOpenApi', () => {
  it('passes for a backend whose generated file is current', async () => {
    await expect(
      checkGeneratedOpenApi(
        path.resolve(__dirname, '../../../plugins/slo-backend'),
      ),
    ).resolves.toBeUndefined();
  });

  it('fails, naming the package and the fix, when the file is stale', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    try {
      const source = path.resolve(__dirname, '../../../plugins/slo-backend');
      fs.mkdirSync(path.join(dir, 'src/schema'), { recursive: true });
      fs.copyFileSync(
        path.join(source, 'src/schema/openapi.yaml'),
        path.join(dir, 'src/schema/openapi.yaml'),
      );
      fs.copyFileSync(
        path.join(source, 'package.json'),
        path.join(dir, 'package.json'),
      );
      fs.writeFileSync(
        path.join(dir, 'src/schema/openapi.generated.ts'),
        '// stale\n',
      );
      await expect(checkGeneratedOpenApi(dir)).rejects.toThrow(
        /openapi\.generated\.ts is not generated from the current openapi\.yaml \(run yarn generate:openapi there\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
