import {
  mockCredentials,
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { AuditRecord } from '../database/AuditStore';
import { AuditEventQueue, auditEventQueueServiceRef } from './AuditEventQueue';
import { auditorServiceFactory } from './auditorServiceFactory';
import { createServiceFactory } from '@backstage/backend-plugin-api';

function requestAs(header: string, url: string) {
  return {
    ip: '127.0.0.1',
    hostname: 'portal.test',
    method: 'POST',
    originalUrl: url,
    headers: { authorization: header },
    get: (name: string) =>
      name.toLowerCase() === 'authorization' ? header : undefined,
  } as unknown as Request;
}

async function setUp(
  writer: { write(records: AuditRecord[]): Promise<void> },
  config: JsonObject = {},
  pluginId = 'cost',
) {
  const queue = new AuditEventQueue();
  const logger = mockServices.logger.mock();
  const tester = ServiceFactoryTester.from(auditorServiceFactory, {
    dependencies: [
      createServiceFactory({
        service: auditEventQueueServiceRef,
        deps: {},
        factory: () => queue,
      }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const auditor = await tester.getSubject(pluginId);
  queue.attach(writer, logger);
  return { auditor, queue };
}

describe('auditorServiceFactory', () => {
  it('stores an action once started and again when it succeeds, with actor, target and no secrets', async () => {
    const written: AuditRecord[] = [];
    const { auditor, queue } = await setUp({
      write: async records => {
        written.push(...records);
      },
    });
    const event = await auditor.createEvent({
      eventId: 'cost-import',
      severityLevel: 'medium',
      request: requestAs(
        mockCredentials.user.header('user:default/jane.doe'),
        '/api/cost/imports?source=focus.csv&token=s3cret',
      ),
      meta: { target: 'focus.csv', password: 'hunter2' },
    });
    await event.success({ meta: { rows: 12 } });
    await queue.flush();

    expect(written).toHaveLength(2);
    const [start, done] = written;
    expect(start).toMatchObject({
      plugin: 'cost',
      eventId: 'cost-import',
      severity: 'medium',
      outcome: 'initiated',
      actor: 'user:default/jane.doe',
      target: 'focus.csv',
      request: {
        method: 'POST',
        url: '/api/cost/imports?source=focus.csv&token=%5Bredacted%5D',
      },
      meta: { target: 'focus.csv', password: '[redacted]' },
    });
    expect(done).toMatchObject({
      id: start.id,
      time: start.time,
      outcome: 'succeeded',
      meta: { target: 'focus.csv', password: '[redacted]', rows: 12 },
    });
    expect(done.completedAt).toEqual(expect.any(String));
    expect(JSON.stringify(written)).not.toMatch(/s3cret|hunter2/);
  });

  it('stores a failure with its error message', async () => {
    const written: AuditRecord[] = [];
    const { auditor, queue } = await setUp({
      write: async records => {
        written.push(...records);
      },
    });
    const event = await auditor.createEvent({
      eventId: 'permission-denied',
      severityLevel: 'high',
      request: requestAs(
        mockCredentials.user.header('user:default/john.smith'),
        '/api/audit/events',
      ),
      meta: { permission: 'audit.event.read' },
    });
    await event.fail({ error: new Error('Denied by the role policy') });
    await queue.flush();
    expect(written[1]).toMatchObject({
      outcome: 'failed',
      actor: 'user:default/john.smith',
      error: 'Denied by the role policy',
      severity: 'high',
    });
  });

  it('names the person an event without a request was for, not the plugin', async () => {
    const written: AuditRecord[] = [];
    const { auditor, queue } = await setUp(
      { write: async records => void written.push(...records) },
      {},
      'permission',
    );
    const event = await auditor.createEvent({
      eventId: 'permission-denied',
      severityLevel: 'medium',
      meta: {
        actor: 'user:default/jane.doe',
        permission: 'catalog.location.create',
      },
    });
    await event.fail({ error: new Error('denied') });
    await queue.flush();
    expect(written.map(r => r.actor)).toEqual([
      'user:default/jane.doe',
      'user:default/jane.doe',
    ]);
  });

  it('targets the service a template run creates, keeping the template as context', async () => {
    const written: AuditRecord[] = [];
    const { auditor, queue } = await setUp(
      { write: async records => void written.push(...records) },
      {},
      'scaffolder',
    );
    const request = Object.assign(
      requestAs(
        mockCredentials.user.header('user:default/jane.doe'),
        '/api/scaffolder/v2/tasks',
      ),
      { body: { values: { name: 'listing-photos', owner: 'listings' } } },
    );
    const created = await auditor.createEvent({
      eventId: 'task',
      severityLevel: 'medium',
      request,
      meta: {
        actionType: 'create',
        templateRef: 'template:default/typescript-service',
      },
    });
    await created.success({ meta: { taskId: 't1' } });
    const run = await auditor.createEvent({
      eventId: 'task',
      severityLevel: 'medium',
      meta: {
        actionType: 'execution',
        createdBy: 'user:default/jane.doe',
        taskId: 't1',
        taskParameters: { name: 'listing-photos' },
        templateRef: 'template:default/typescript-service',
      },
    });
    await run.success();
    await queue.flush();
    expect(written).toHaveLength(4);
    for (const record of written) {
      expect(record).toMatchObject({
        actor: 'user:default/jane.doe',
        target: 'component:default/listing-photos',
        meta: { templateRef: 'template:default/typescript-service' },
      });
    }
  });

  it('does not make the action fail or wait when the store fails', async () => {
    let release: () => void = () => {};
    const stuck = new Promise<void>(resolve => {
      release = resolve;
    });
    const { auditor, queue } = await setUp({
      write: async () => {
        await stuck;
        throw new Error('connection refused');
      },
    });
    const event = await auditor.createEvent({ eventId: 'cost-import' });
    await expect(event.success()).resolves.toBeUndefined();
    release();
    await expect(queue.flush()).resolves.toBeUndefined();
  });
});

describe('which events are stored', () => {
  async function storedSeverities(config?: JsonObject) {
    const written: AuditRecord[] = [];
    const { auditor, queue } = await setUp(
      { write: async records => void written.push(...records) },
      config,
    );
    for (const severityLevel of ['low', 'medium', 'high'] as const) {
      const event = await auditor.createEvent({
        eventId: `read-${severityLevel}`,
        severityLevel,
      });
      await event.success();
    }
    await queue.flush();
    return [...new Set(written.map(record => record.severity))];
  }

  it('leaves out low-severity reads by default', async () => {
    expect(await storedSeverities()).toEqual(['medium', 'high']);
  });

  it('stores them when audit.storeSeverity is low', async () => {
    expect(await storedSeverities({ audit: { storeSeverity: 'low' } })).toEqual(
      ['low', 'medium', 'high'],
    );
  });

  it('refuses a severity it does not know, naming the key', async () => {
    await expect(
      storedSeverities({ audit: { storeSeverity: 'verbose' } }),
    ).rejects.toThrow(
      "audit.storeSeverity is 'verbose'; use one of low, medium, high, critical",
    );
  });
});

describe('AuditEventQueue', () => {
  it('keeps events published before the store is attached, up to its bound', async () => {
    const queue = new AuditEventQueue(2);
    const record = (id: string) =>
      ({
        id,
        time: 't',
        plugin: 'p',
        eventId: 'e',
        severity: 'low',
        outcome: 'initiated',
      } as AuditRecord);
    queue.publish(record('1'));
    queue.publish(record('2'));
    queue.publish(record('3'));
    const written: string[] = [];
    const logger = mockServices.logger.mock();
    queue.attach(
      { write: async records => void written.push(...records.map(r => r.id)) },
      logger,
    );
    await queue.flush();
    expect(written).toEqual(['1', '2']);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Dropped 1 audit events'),
    );
  });
});
