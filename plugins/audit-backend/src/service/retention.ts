import { LoggerService } from '@backstage/backend-plugin-api';
import { AuditStore } from '../database/AuditStore';

const DAY_MS = 86_400_000;

/** Deletes the audit events older than `retentionDays`; run daily. */
export async function deleteExpiredAuditEvents(options: {
  store: Pick<AuditStore, 'deleteBefore'>;
  retentionDays: number;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { store, retentionDays, logger } = options;
  const now = options.now ?? new Date();
  const deleted = await store.deleteBefore(
    new Date(now.getTime() - retentionDays * DAY_MS),
  );
  if (deleted > 0) {
    logger.info(
      `Deleted ${deleted} audit events older than ${retentionDays} days`,
    );
  }
  return deleted;
}
