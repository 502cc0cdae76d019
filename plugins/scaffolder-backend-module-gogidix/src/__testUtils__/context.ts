import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A mock action context whose temporary directories are real and separate. */
export function actionContext<TInput extends Record<string, unknown>>(
  workspacePath: string,
  input: TInput,
) {
  const outputs: Record<string, unknown> = {};
  const ctx = {
    ...createMockActionContext({
      workspacePath,
      input: input as never,
      templateInfo: {
        entityRef: 'template:default/typescript-service',
        baseUrl: 'file:///nowhere/template.yaml',
        entity: { metadata: { name: 'typescript-service' } },
      },
    }),
    // The mock hands out the workspace itself; real runs use separate folders.
    createTemporaryDirectory: async () =>
      fs.mkdtempSync(path.join(os.tmpdir(), 'action-tmp-')),
    getInitiatorCredentials: async () => mockCredentials.user(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  return { ctx, outputs };
}

export function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
