import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFile } from 'node:child_process';
import path from 'node:path';

/** scripts/generate-openapi.mjs at the root of the repository. */
const GENERATOR = resolvePackagePath(
  '@gogidix/test-kit',
  '../../scripts/generate-openapi.mjs',
);

/**
 * Resolves when a backend's `src/schema/openapi.generated.ts` is what the
 * generator makes of its `openapi.yaml` now; rejects with what the
 * generator's `--check` printed otherwise (run `yarn generate:openapi` in
 * the package to fix it).
 */
export function checkGeneratedOpenApi(packageDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [GENERATOR, '--check'],
      { cwd: packageDir },
      (error, stdout, stderr) => {
        if (!error) {
          resolve();
          return;
        }
        const printed = `${stdout}${stderr}`.trim() || error.message;
        reject(
          new Error(
            `${path.basename(
              packageDir,
            )}: openapi.generated.ts is not generated from the current openapi.yaml (run yarn generate:openapi there): ${printed}`,
          ),
        );
      },
    );
  });
}
