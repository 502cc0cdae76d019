import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { auditedAction, personOf } from './personAction';

const jane = mockCredentials.user('user:default/jane.doe');

function recordingAuditor() {
  const calls: Array<{ step: string; options?: unknown }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      calls.push({ step: 'create', options });
      return {
        success: async o => {
          calls.push({ step: 'success', options: o });
        },
        fail: async o => {
          calls.push({ step: 'fail', options: o });
        },
      };
    },
  });
  return { auditor, calls };
}

describe('personOf', () => {
  it.each([
    ['a service', mockCredentials.service('plugin:catalog')],
    ['an anonymous caller', mockCredentials.none()],
  ])('refuses %s', (_, credentials) => {
    expect(() => personOf(credentials)).toThrow(NotAllowedError);
  });

  it("answers a user's entity ref", () => {
    expect(personOf(jane)).toBe('user:default/jane.doe');
  });
});

describe('auditedAction', () => {
  it('records the person, the action and the target, then the success', async () => {
    const { auditor, calls } = recordingAuditor();
    const result = await auditedAction(
      auditor,
      {
        action: 'get-cost',
        credentials: jane,
        target: 'component:default/api-gateway',
        meta: { days: 7 },
      },
      async person => `ran for ${person}`,
    );
    expect(result).toBe('ran for user:default/jane.doe');
    expect(calls).toEqual([
      {
        step: 'create',
        options: {
          eventId: 'action',
          severityLevel: 'medium',
          meta: {
            days: 7,
            action: 'get-cost',
            actor: 'user:default/jane.doe',
            target: 'component:default/api-gateway',
          },
        },
      },
      { step: 'success', options: undefined },
    ]);
  });

  it('records a refusal as a failure and passes the error on', async () => {
    const { auditor, calls } = recordingAuditor();
    const refusal = new NotAllowedError('Not allowed to read the audit trail');
    await expect(
      auditedAction(
        auditor,
        {
          action: 'list-audit-events',
          credentials: jane,
          target: 'audit:trail',
        },
        async () => {
          throw refusal;
        },
      ),
    ).rejects.toBe(refusal);
    expect(calls.map(c => c.step)).toEqual(['create', 'fail']);
    expect(calls[1].options).toEqual({ error: refusal });
  });

  it('never runs the action for a service, and records who tried', async () => {
    const { auditor, calls } = recordingAuditor();
    const run = jest.fn();
    await expect(
      auditedAction(
        auditor,
        {
          action: 'get-slo-status',
          credentials: mockCredentials.service('external:ci'),
          target: 'component:default/api-gateway',
        },
        run,
      ),
    ).rejects.toThrow(/signed-in person/);
    expect(run).not.toHaveBeenCalled();
    expect(calls[0].options).toMatchObject({
      meta: { actor: 'service:external:ci' },
    });
    expect(calls.map(c => c.step)).toEqual(['create', 'fail']);
  });
});
