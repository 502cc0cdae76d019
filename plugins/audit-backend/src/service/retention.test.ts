import { mockServices } from '@backstage/backend-test-utils';
import { deleteExpiredAuditEvents } from './retention';

describe('deleteExpiredAuditEvents', () => {
  it('deletes what is older than the retention and says how much', async () => {
    const deleteBefore = jest.fn().mockResolvedValue(3);
    const logger = mockServices.logger.mock();
    const deleted = await deleteExpiredAuditEvents({
      store: { deleteBefore },
      retentionDays: 30,
      logger,
      now: new Date('2026-03-31T12:00:00Z'),
    });
    expect(deleted).toBe(3);
    expect(deleteBefore).toHaveBeenCalledWith(new Date('2026-03-01T12:00:00Z'));
    expect(logger.info).toHaveBeenCalledWith(
      'Deleted 3 audit events older than 30 days',
    );
  });

  it('stays quiet when nothing was old enough', async () => {
    const logger = mockServices.logger.mock();
    await deleteExpiredAuditEvents({
      store: { deleteBefore: jest.fn().mockResolvedValue(0) },
      retentionDays: 365,
      logger,
    });
    expect(logger.info).not.toHaveBeenCalled();
  });
});
