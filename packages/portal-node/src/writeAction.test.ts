import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { ActionRateLimit } from './actionRateLimit';
import { DryRunConfirmations } from './dryRunConfirmation';
import { runWriteAction } from './writeAction';

function setup(perMinute = 10) {
  const events: Array<{ meta: unknown; outcome: string; error?: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ meta }) => ({
      success: async () => {
        events.push({ meta, outcome: 'succeeded' });
      },
      fail: async ({ error }) => {
        events.push({ meta, outcome: 'failed', error: error.message });
      },
    }),
  });
  const cache = new Map<string, unknown>();
  const guard = {
    auditor,
    rateLimit: new ActionRateLimit({ perMinute }),
    confirmations: new DryRunConfirmations({
      cache: {
        get: async <T>(key: string) => cache.get(key) as T | undefined,
        set: async (key: string, value: unknown) => {
          cache.set(key, value);
        },
        delete: async (key: string) => {
          cache.delete(key);
        },
      },
    }),
  };
  const runs: string[] = [];
  const call = (
    user: string,
    options: { dryRun: boolean; confirm?: string; name?: string },
  ) =>
    runWriteAction({
      guard,
      credentials: mockCredentials.user(user),
      action: 'test:rename',
      target: 'component:default/a',
      input: { name: options.name ?? 'b' },
      dryRun: options.dryRun,
      confirm: options.confirm,
      severityLevel: 'medium',
      preview: async () => `would rename a to ${options.name ?? 'b'}`,
      run: async () => {
        runs.push(options.name ?? 'b');
        return { result: 'renamed' };
      },
    });
  return { call, events, runs, guard };
}

const jane = 'user:default/jane';

describe('runWriteAction', () => {
  it('runs after a dry run of the same input by the same person, auditing both as the person', async () => {
    const { call, events, runs } = setup();
    const dry = await call(jane, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, preview: 'would rename a to b' });
    expect(runs).toEqual([]);
    const token = dry.dryRun ? dry.confirmation.token : '';
    expect(await call(jane, { dryRun: false, confirm: token })).toEqual({
      dryRun: false,
      result: 'renamed',
    });
    expect(runs).toEqual(['b']);
    expect(events).toEqual([
      {
        meta: {
          actor: jane,
          action: 'test:rename',
          target: 'component:default/a',
          mode: 'dry-run',
        },
        outcome: 'succeeded',
      },
      {
        meta: {
          actor: jane,
          action: 'test:rename',
          target: 'component:default/a',
          mode: 'run',
        },
        outcome: 'succeeded',
      },
    ]);
  });

  it.each([
    ['without a dry run', undefined, jane, 'b', InputError],
    ['with a made-up confirmation', 'made-up', jane, 'b', InputError],
    [
      "with another person's confirmation",
      'dry',
      'user:default/joe',
      'b',
      NotAllowedError,
    ],
    ['with other input than the dry run', 'dry', jane, 'c', InputError],
  ])(
    'refuses the run %s, and audits the refusal',
    async (_, confirm, user, name, error) => {
      const { call, events, runs } = setup();
      const dry = await call(jane, { dryRun: true });
      const token =
        confirm === 'dry' && dry.dryRun ? dry.confirmation.token : confirm;
      await expect(
        call(user, { dryRun: false, confirm: token, name }),
      ).rejects.toThrow(error);
      expect(runs).toEqual([]);
      expect(events[1]).toMatchObject({
        outcome: 'failed',
        meta: { actor: user, mode: 'run' },
      });
    },
  );

  it('refuses a service identity, and audits the refusal', async () => {
    const { guard, events } = setup();
    await expect(
      runWriteAction({
        guard,
        credentials: mockCredentials.service(),
        action: 'test:rename',
        target: 'component:default/a',
        input: {},
        dryRun: true,
        severityLevel: 'medium',
        preview: async () => 'preview',
        run: async () => ({ result: 'renamed' }),
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(events).toEqual([
      {
        meta: {
          action: 'test:rename',
          target: 'component:default/a',
          mode: 'dry-run',
        },
        outcome: 'failed',
        error: 'test:rename runs only for a signed-in person, with their token',
      },
    ]);
  });

  it("stops at the person's budget, dry runs and runs each counted", async () => {
    const { call, events } = setup(2);
    await call(jane, { dryRun: true });
    await call(jane, { dryRun: true });
    await expect(call(jane, { dryRun: true })).rejects.toThrow(
      /at most 2 a minute/,
    );
    await expect(
      call('user:default/joe', { dryRun: true }),
    ).resolves.toBeDefined();
    expect(events.map(e => e.outcome)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'succeeded',
    ]);
  });
});
