import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { AuditRecord } from '../database/AuditStore';

/** Where queued records go: the audit plugin's store. */
export interface AuditRecordWriter {
  write(records: AuditRecord[]): Promise<void>;
}

const BATCH = 100;

/**
 * Carries auditor events from every plugin to the audit plugin's store
 * without making a request wait for (or fail on) the database. Events that
 * arrive before the audit plugin has started wait in memory, up to a bound.
 */
export class AuditEventQueue {
  private pending: AuditRecord[] = [];
  private writer?: AuditRecordWriter;
  private logger?: LoggerService;
  private draining?: Promise<void>;
  private dropped = 0;

  constructor(private readonly maxPending = 10_000) {}

  publish(record: AuditRecord) {
    if (this.pending.length >= this.maxPending) {
      this.dropped += 1;
      return;
    }
    this.pending.push(record);
    this.drain();
  }

  attach(writer: AuditRecordWriter, logger: LoggerService) {
    this.writer = writer;
    this.logger = logger;
    this.drain();
  }

  /** Resolves when every record published so far is written (or given up on). */
  async flush() {
    while (this.draining) await this.draining;
  }

  private drain() {
    if (!this.writer || this.draining) return;
    const writer = this.writer;
    this.draining = (async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH);
        try {
          await writer.write(batch);
        } catch (error) {
          // The action itself went ahead; only its record is lost. The
          // event was logged by the auditor already.
          this.logger?.error(
            `Could not store ${batch.length} audit events: ${
              (error as Error).message
            }`,
          );
        }
      }
      if (this.dropped > 0) {
        this.logger?.error(
          `Dropped ${this.dropped} audit events: more than ${this.maxPending} were waiting for the audit store`,
        );
        this.dropped = 0;
      }
    })().finally(() => {
      this.draining = undefined;
      // A record published while the last write finished.
      if (this.pending.length > 0) this.drain();
    });
  }
}

/**
 * The one queue of the backend (root scoped): the auditor of every plugin
 * publishes to it, the audit plugin drains it into its database.
 */
export const auditEventQueueServiceRef = createServiceRef<AuditEventQueue>({
  id: 'gogidix.audit.event-queue',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { lifecycle: coreServices.rootLifecycle },
      factory({ lifecycle }) {
        const queue = new AuditEventQueue();
        lifecycle.addShutdownHook(() => queue.flush());
        return queue;
      },
    }),
});
