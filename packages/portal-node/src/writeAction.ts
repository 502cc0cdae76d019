import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { ActionRateLimit } from './actionRateLimit';
import { DryRunConfirmations } from './dryRunConfirmation';

/** What every write action of a plugin shares. */
export interface WriteActionGuard {
  auditor: AuditorService;
  confirmations: DryRunConfirmations;
  rateLimit: ActionRateLimit;
}

/** A write action's answer: the dry run's preview with its confirmation, or the run's result. */
export type WriteActionAnswer<TPreview, TResult> =
  | {
      dryRun: true;
      preview: TPreview;
      confirmation: { token: string; expiresAt: string };
    }
  | { dryRun: false; result: TResult };

/**
 * One call of a write action: a dry run (`preview`, which throws on input
 * the run would refuse) answered with a confirmation, or the run, only
 * with the confirmation of a dry run by the same person of the same input.
 * Each call is counted against the person's budget and is an audit event
 * with the person as actor, the action and its target; refusals included.
 */
export async function runWriteAction<TPreview, TResult>(options: {
  guard: WriteActionGuard;
  credentials: BackstageCredentials;
  /** The action's id, as `scaffolder:create-service`. */
  action: string;
  /** What it acts on: an entity ref. */
  target: string;
  /** The input that the confirmation binds: everything but `dryRun` and `confirm`. */
  input: JsonObject;
  dryRun: boolean;
  confirm?: string;
  /** The severity of the audit event of the route doing the same. */
  severityLevel: AuditorServiceEventSeverityLevel;
  /** Audit meta of the event beyond actor, action and target. */
  meta?: JsonObject;
  preview: () => Promise<TPreview>;
  run: () => Promise<{ result: TResult; meta?: JsonObject }>;
}): Promise<WriteActionAnswer<TPreview, TResult>> {
  const { guard, credentials, action, target, input, dryRun, confirm } =
    options;
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  const actor =
    principal.type === 'user' && principal.userEntityRef
      ? principal.userEntityRef
      : undefined;
  const event = await guard.auditor.createEvent({
    eventId: 'write-action',
    severityLevel: options.severityLevel,
    meta: {
      ...options.meta,
      ...(actor ? { actor } : {}),
      action,
      target,
      mode: dryRun ? 'dry-run' : 'run',
    },
  });
  try {
    // Assistants act as the person who signed in, never as a service.
    if (!actor) {
      throw new NotAllowedError(
        `${action} runs only for a signed-in person, with their token`,
      );
    }
    guard.rateLimit.take(actor, `${action}${dryRun ? ' dry-run' : ''}`);
    const call = { actor, action, target, input };
    if (dryRun) {
      const preview = await options.preview();
      const confirmation = await guard.confirmations.issue(call);
      await event.success({
        meta: { confirmationExpiresAt: confirmation.expiresAt },
      });
      return { dryRun: true, preview, confirmation };
    }
    if (!confirm) {
      throw new InputError(
        `confirm: ${action} needs a dry run first: call it with dryRun: true, check the preview, then call again with dryRun: false, the same input and confirm set to the confirmation token it returned`,
      );
    }
    await guard.confirmations.redeem(call, confirm);
    const { result, meta } = await options.run();
    await event.success(meta ? { meta } : undefined);
    return { dryRun: false, result };
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
