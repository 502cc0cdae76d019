import fs from 'node:fs';
import path from 'node:path';
import { e2e } from '../../../e2e/support/environment';

/**
 * Creates a service end to end as a signed-in developer would from the
 * form: the TypeScript template with the shared example answers, through
 * checks, rendering, validation, publishing to the local git root and
 * registration. Returns the seconds from the request to a completed task.
 */
export async function createService(
  baseUrl: string,
  token: string,
  name: string,
): Promise<number> {
  const answers = JSON.parse(
    fs.readFileSync(
      path.join(e2e.repoRoot, 'templates/_shared/example-answers.json'),
      'utf8',
    ),
  );
  const api = async (route: string, init?: RequestInit) => {
    const response = await fetch(`${baseUrl}/api/scaffolder/v2/${route}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
    });
    if (!response.ok) {
      throw new Error(
        `scaffolder ${route} answered ${
          response.status
        }: ${await response.text()}`,
      );
    }
    return response.json();
  };
  const started = performance.now();
  const { id } = await api('tasks', {
    method: 'POST',
    body: JSON.stringify({
      templateRef: 'template:default/typescript-service',
      // The signed-in developer (jane.doe) may only name her own team.
      values: {
        ...answers,
        owner: 'group:default/platform',
        language: 'typescript',
        nodeVersion: '22',
        name,
      },
    }),
  });
  for (;;) {
    const task = await api(`tasks/${id}`);
    if (task.status === 'completed') {
      return (performance.now() - started) / 1000;
    }
    if (!['open', 'processing'].includes(task.status)) {
      throw new Error(
        `The scaffolder run ${id} for ${name} ended ${task.status}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
