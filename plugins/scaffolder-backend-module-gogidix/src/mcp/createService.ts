import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { taskCreatePermission } from '@backstage/plugin-scaffolder-common/alpha';
import { JsonObject } from '@backstage/types';
import {
  authorizeOrThrow,
  runWriteAction,
  WriteActionGuard,
} from '@gogidix/portal-node';
import { serviceNameProblems } from '../actions/checkServiceName';
import { ScaffolderRequests } from './ScaffolderRequests';
import { templateDirectoryContents } from './templateDirectory';

/** The id assistants see: the plugin's id and the action's name. */
export const CREATE_SERVICE_ACTION = 'scaffolder:create-service';

/** How long a run waits for its task at most, so an assistant's call returns. */
export const MAX_WAIT_SECONDS = 50;

const FINISHED = ['completed', 'failed', 'cancelled'];
const SERVICE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function templateRefOf(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
  } catch {
    ref = undefined;
  }
  if (ref?.kind.toLocaleLowerCase('en-US') !== 'template') {
    throw new InputError(
      `templateRef: "${value}" is not a template ref; give one as template:default/typescript-service`,
    );
  }
  return stringifyEntityRef(ref);
}

/** The service a template creates from its answers (templates/README.md). */
function serviceRefOf(values: JsonObject): string | undefined {
  return typeof values.name === 'string' && SERVICE_NAME.test(values.name)
    ? `component:default/${values.name}`
    : undefined;
}

const asString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/**
 * `create-service`: a service from a golden-path template, as the Create
 * page does, in two calls. The dry run checks what the form and the run
 * check (the template readable by the person, `scaffolder.task.create`,
 * the answers against the template's form schema, the name free and the
 * owner one of the person's teams) and runs the template's steps in the
 * scaffolder's dry run; it answers with the files that would be written
 * and a confirmation. The run starts the task as the person with that
 * confirmation, and waits a bounded time for it to finish.
 *
 * The scaffolder's dry-run API is the Template Editor's, for platform
 * admins only (`scaffolder.template.dry-run`), so it is called as this
 * plugin, after the person's own checks above; publishing steps do not
 * run in a dry run. The task itself runs as the person, and the template's
 * own checks run again in it.
 */
export function registerCreateServiceAction(options: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  scaffolder: ScaffolderRequests;
  guard: WriteActionGuard;
  /** The portal's address, for the link to the task's page. */
  appBaseUrl: string;
  /** Between two looks at a running task; tests shorten it. */
  pollIntervalMs?: number;
}) {
  const { auth, catalog, permissions, scaffolder, guard } = options;

  async function preview(
    credentials: BackstageCredentials,
    templateRef: string,
    values: JsonObject,
  ) {
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: taskCreatePermission },
      'You may not run templates',
    );
    const template = await catalog.getEntityByRef(templateRef, {
      credentials,
    });
    if (!template) {
      throw new NotFoundError(`templateRef: no template ${templateRef}`);
    }
    // Missing answers are left to the form schema, checked in the dry run.
    const name = asString(values.name);
    const owner = asString(values.owner);
    if (name && owner) {
      const problems = await serviceNameProblems({
        catalog,
        permissions,
        credentials,
        name,
        owner,
        system: asString(values.system),
      }).catch(error => {
        // parseEntityRef's answer to an owner or system that is no ref.
        if (error instanceof TypeError) {
          throw new InputError(
            `values.owner or values.system: ${error.message}`,
          );
        }
        throw error;
      });
      if (problems.length > 0) {
        throw new InputError(problems.join('; '));
      }
    }
    const result = await scaffolder.dryRun(
      {
        template,
        values,
        directoryContents: await templateDirectoryContents({
          template,
          reader: options.reader,
          integrations: options.integrations,
        }),
      },
      await auth.getOwnServiceCredentials(),
    );
    return {
      files: result.directoryContents
        .map(f => ({
          path: f.path,
          bytes: Buffer.from(f.base64Content, 'base64').length,
        }))
        .sort((a, b) => a.path.localeCompare(b.path)),
      steps: result.steps.map(s => ({
        id: s.id,
        name: s.name,
        action: s.action,
      })),
    };
  }

  async function run(
    credentials: BackstageCredentials,
    templateRef: string,
    values: JsonObject,
    waitSeconds: number,
  ) {
    const { id } = await scaffolder.createTask(
      { templateRef, values },
      credentials,
    );
    const deadline = Date.now() + waitSeconds * 1000;
    let task = await scaffolder.getTask(id, credentials);
    while (!FINISHED.includes(task.status) && Date.now() < deadline) {
      await new Promise(resolve =>
        setTimeout(resolve, options.pollIntervalMs ?? 1000),
      );
      task = await scaffolder.getTask(id, credentials);
    }
    const completion = FINISHED.includes(task.status)
      ? await scaffolder.completion(id, credentials)
      : undefined;
    return {
      taskId: id,
      status: task.status,
      taskUrl: `${options.appBaseUrl}/create/tasks/${id}`,
      ...(completion?.output ? { output: completion.output } : {}),
      ...(completion?.error?.message
        ? { error: completion.error.message }
        : {}),
    };
  }

  options.actionsRegistry.register({
    name: 'create-service',
    title: 'Create a service from a template',
    description: [
      'Creates a service from a golden-path template (repository, platform layer, catalog entry), as the Create page does, as the signed-in person.',
      'values are the answers the template form takes (its parameters: name, owner, system, language and so on).',
      'Call it first with dryRun: true: it validates the answers as the form and the template do, and lists the files that would be written, with a confirmation token (valid 10 minutes, once).',
      'Then call it with the same templateRef and values, dryRun: false and confirm set to that token: it starts the task and waits up to waitSeconds for it.',
    ].join(' '),
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          templateRef: z
            .string()
            .min(1)
            .describe('The template, as template:default/typescript-service'),
          values: z
            .record(z.unknown())
            .describe("The answers to the template's form"),
          dryRun: z
            .boolean()
            .describe('true to validate and preview; false to create'),
          confirm: z
            .string()
            .optional()
            .describe('The confirmation token of the dry run, for the run'),
          waitSeconds: z
            .number()
            .int()
            .min(0)
            .max(MAX_WAIT_SECONDS)
            .optional()
            .describe(
              `How long the run waits for the task to finish (default 30, at most ${MAX_WAIT_SECONDS}); 0 to return at once`,
            ),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          dryRun: z.boolean(),
          templateRef: z.string(),
          files: z
            .array(z.object({ path: z.string(), bytes: z.number() }))
            .optional(),
          steps: z
            .array(
              z.object({
                id: z.string(),
                name: z.string(),
                action: z.string(),
              }),
            )
            .optional(),
          confirmation: z
            .object({ token: z.string(), expiresAt: z.string() })
            .optional(),
          task: z
            .object({
              taskId: z.string(),
              status: z.string(),
              taskUrl: z.string(),
              output: z.record(z.unknown()).optional(),
              error: z.string().optional(),
            })
            .optional(),
        }),
    },
    examples: [
      {
        title: 'Dry run of a TypeScript service for the listings team',
        input: {
          templateRef: 'template:default/typescript-service',
          values: {
            name: 'listing-photos',
            description: 'Stores and resizes listing photos',
            owner: 'group:default/listings',
            system: 'property-marketplace',
            language: 'typescript',
          },
          dryRun: true,
        },
      },
    ],
    async action({ input, credentials }) {
      const templateRef = templateRefOf(input.templateRef);
      const values = input.values as JsonObject;
      const answer = await runWriteAction({
        guard,
        credentials,
        action: CREATE_SERVICE_ACTION,
        target: serviceRefOf(values) ?? templateRef,
        input: { templateRef, values },
        dryRun: input.dryRun,
        confirm: input.confirm,
        // As the scaffolder's task creation.
        severityLevel: 'medium',
        meta: { templateRef },
        preview: () => preview(credentials, templateRef, values),
        run: async () => {
          const task = await run(
            credentials,
            templateRef,
            values,
            input.waitSeconds ?? 30,
          );
          return {
            result: task,
            meta: { taskId: task.taskId, status: task.status },
          };
        },
      });
      if (answer.dryRun) {
        const { files, steps } = answer.preview;
        return {
          output: {
            summary: `The dry run of ${templateRef} passed: ${
              steps.length
            } steps, ${files.length} files would be written (${files
              .slice(0, 10)
              .map(f => f.path)
              .join(', ')}${
              files.length > 10 ? ', …' : ''
            }). To create the service, call again with the same templateRef and values, dryRun: false and confirm: "${
              answer.confirmation.token
            }" (valid until ${answer.confirmation.expiresAt}).`,
            dryRun: true,
            templateRef,
            files,
            steps,
            confirmation: answer.confirmation,
          },
        };
      }
      const task = answer.result;
      const state = FINISHED.includes(task.status)
        ? `finished: ${task.status}${task.error ? ` (${task.error})` : ''}`
        : `still ${task.status}; follow it at ${task.taskUrl}`;
      return {
        output: {
          summary: `Started task ${task.taskId} from ${templateRef}, ${state}.`,
          dryRun: false,
          templateRef,
          task,
        },
      };
    },
  });
}
