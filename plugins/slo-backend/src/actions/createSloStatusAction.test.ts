import { EntitySloStatus } from '@gogidix/plugin-slo-common';
import { evaluationAt, ratioSlo } from '../__testUtils__/fixtures';
import { sloStatusAnswer } from './createSloStatusAction';

const AT = '2026-12-01T10:00:00.000Z';
const slo = ratioSlo('listings-service', 'availability', 0.999);

function status(errorRatio: number | 'missing' | undefined): EntitySloStatus {
  return {
    entityRef: 'component:default/listings-service',
    at: AT,
    freshness: 'live',
    sliSource: 'demo',
    problems: [],
    slos: [
      {
        slo,
        ...(errorRatio === undefined
          ? {}
          : { evaluation: evaluationAt(slo, AT, errorRatio) }),
        burnDown: [],
        links: {
          runbook: 'https://portal.test/runbooks/slo-availability-burn',
        },
      },
    ],
  };
}

describe('sloStatusAnswer', () => {
  it.each([
    // error ratio, status, SLI, budget left (1 - ratio / 0.001), in words
    [0.0002, 'healthy', 0.9998, 0.8, 'SLI 99.98%, budget left 80%'],
    [0.0015, 'exhausted', 0.9985, -0.5, 'SLI 99.85%, budget left -50%'],
  ])(
    'an error ratio of %d is %s',
    (ratio, expectedStatus, sli, remaining, words) => {
      const [answer] = sloStatusAnswer(status(ratio)).slos;
      expect(answer.status).toBe(expectedStatus);
      expect(answer.sli).toBeCloseTo(sli, 10);
      expect(answer.budgetRemaining).toBeCloseTo(remaining, 10);
      expect(sloStatusAnswer(status(ratio)).summary).toContain(
        `availability: ${expectedStatus}, objective 99.9%, ${words}`,
      );
    },
  );

  it.each([
    ['data is missing', 'missing' as const],
    ['nothing was evaluated', undefined],
  ])('says missing, never good, when %s', (_, ratio) => {
    const answer = sloStatusAnswer(status(ratio));
    expect(answer.slos[0]).toMatchObject({
      status: 'missing',
      sli: null,
      budgetRemaining: null,
    });
    expect(answer.summary).toContain('SLI missing, budget left unknown');
  });
});
