import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import request from 'supertest';
import { auditingPlugin } from './auditingPlugin';

describe('auditingPlugin', () => {
  it('records a succeeded event, or a failed one with the refusal', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const { server } = await startTestBackend({
      features: [
        auditor.factory,
        auditingPlugin({
          pluginId: 'deploy',
          path: '/:service',
          eventId: 'deploy',
          meta: req => ({ service: req.params.service }),
          refuse: req =>
            req.params.service === 'frozen'
              ? new NotAllowedError('frozen')
              : undefined,
        }),
      ],
    });

    expect((await request(server).post('/api/deploy/listings')).status).toBe(
      201,
    );
    expect(auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'deploy',
        severityLevel: 'medium',
        meta: { service: 'listings' },
      }),
    );
    expect(event.success).toHaveBeenCalledTimes(1);

    const refused = await request(server).post('/api/deploy/frozen');
    expect(refused.status).toBe(403);
    expect(event.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ message: 'frozen' }),
    });
    expect(event.success).toHaveBeenCalledTimes(1);
  });
});
