import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { JsonObject } from '@backstage/types';

/** A file of the dry-run API's answer. */
export interface DryRunFile {
  path: string;
  base64Content: string;
  executable?: boolean;
}

/** The dry-run API's answer (`POST /v2/dry-run`). */
export interface DryRunResult {
  directoryContents: DryRunFile[];
  log: Array<{ body: { message?: string; stepId?: string } }>;
  steps: Array<{ id: string; name: string; action: string }>;
  output: JsonObject;
}

/** A task as `GET /v2/tasks/:id` answers. */
export interface ScaffolderTaskState {
  id: string;
  status: string;
  createdBy?: string;
}

/** The task's completion event, with the template's output or the error. */
export interface TaskCompletion {
  output?: JsonObject;
  error?: { name?: string; message?: string };
}

/**
 * Turns a refusal of the scaffolder's routes into the error it stands for,
 * so an assistant reads why: JSON-schema problems of the answers (the
 * scaffolder answers them as `{ errors }`, one per field) as one InputError.
 */
async function refusal(response: Response): Promise<Error> {
  const text = await response.text();
  let body: { errors?: Array<{ property?: string; message?: string }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the status and text below say what happened.
  }
  if (response.status === 400 && Array.isArray(body.errors)) {
    return new InputError(
      body.errors
        .map(
          e =>
            `${(e.property ?? 'instance').replace(/^instance/, 'values')}: ${
              e.message
            }`,
        )
        .join('; '),
    );
  }
  const error = await ResponseError.fromResponse(
    new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
  );
  const message = error.body?.error?.message ?? error.message;
  switch (response.status) {
    case 400:
      return new InputError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 429:
    case 503:
      return new ServiceUnavailableError(message);
    default:
      return error;
  }
}

/**
 * The scaffolder's routes, called over HTTP as the UI calls them, with a
 * token for the given credentials: the task and its reads on behalf of the
 * person, so that the scaffolder's permissions, audit events and rate
 * limits apply to them as to the form.
 */
export class ScaffolderRequests {
  constructor(
    private readonly deps: { auth: AuthService; discovery: DiscoveryService },
  ) {}

  async dryRun(
    body: {
      template: unknown;
      values: JsonObject;
      directoryContents: DryRunFile[];
    },
    credentials: BackstageCredentials,
  ): Promise<DryRunResult> {
    return (
      await this.request('POST', '/v2/dry-run', credentials, body)
    ).json();
  }

  async createTask(
    body: { templateRef: string; values: JsonObject },
    credentials: BackstageCredentials,
  ): Promise<{ id: string }> {
    return (await this.request('POST', '/v2/tasks', credentials, body)).json();
  }

  async getTask(
    taskId: string,
    credentials: BackstageCredentials,
  ): Promise<ScaffolderTaskState> {
    return (
      await this.request(
        'GET',
        `/v2/tasks/${encodeURIComponent(taskId)}`,
        credentials,
      )
    ).json();
  }

  /** The completion of a finished task, from its events. */
  async completion(
    taskId: string,
    credentials: BackstageCredentials,
  ): Promise<TaskCompletion | undefined> {
    const events: Array<{ type: string; body: TaskCompletion }> = await (
      await this.request(
        'GET',
        `/v2/tasks/${encodeURIComponent(taskId)}/events`,
        credentials,
      )
    ).json();
    return events.find(e => e.type === 'completion')?.body;
  }

  private async request(
    method: string,
    path: string,
    credentials: BackstageCredentials,
    body?: unknown,
  ): Promise<Response> {
    const { auth, discovery } = this.deps;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${await discovery.getBaseUrl('scaffolder')}${path}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      },
    );
    if (!response.ok) {
      throw await refusal(response);
    }
    return response;
  }
}
