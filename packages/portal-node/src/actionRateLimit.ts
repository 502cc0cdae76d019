import { RootConfigService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';

/** `gogidix.http.expensiveRequestsPerMinute` when unset, as for the routes. */
export const DEFAULT_EXPENSIVE_REQUESTS_PER_MINUTE = 60;

/**
 * The per-user budget of the expensive routes (the backend's request
 * limits), read from the same key so an action costs what its route does.
 */
export function readExpensiveRequestsPerMinute(
  config: Pick<RootConfigService, 'getOptionalNumber'>,
): number {
  const key = 'gogidix.http.expensiveRequestsPerMinute';
  const value = config.getOptionalNumber(key);
  if (value === undefined) return DEFAULT_EXPENSIVE_REQUESTS_PER_MINUTE;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${key} must be a positive whole number, got ${value}`);
  }
  return value;
}

/**
 * Calls per minute for each person and action, counted in fixed one-minute
 * windows as the routes' limiter counts. Actions are not HTTP routes (they
 * are invoked through the plugin's actions endpoint), so the routes'
 * limiter never sees them. In memory: each replica keeps its own budget,
 * as the routes' limiter does.
 */
export class ActionRateLimit {
  private readonly windows = new Map<
    string,
    { startedAt: number; calls: number }
  >();

  constructor(
    private readonly options: {
      perMinute: number;
      now?: () => number;
    },
  ) {}

  /**
   * Counts one call of `action` by `actor`, or throws
   * ServiceUnavailableError (with when to retry) when the budget is spent.
   */
  take(actor: string, action: string): void {
    const now = (this.options.now ?? Date.now)();
    const key = `${actor} ${action}`;
    this.forgetEnded(now);
    const window = this.windows.get(key) ?? { startedAt: now, calls: 0 };
    if (window.calls >= this.options.perMinute) {
      const retryAfter = Math.ceil((window.startedAt + 60_000 - now) / 1000);
      throw new ServiceUnavailableError(
        `Too many ${action} calls: at most ${this.options.perMinute} a minute per user; retry after ${retryAfter} s`,
      );
    }
    window.calls += 1;
    this.windows.set(key, window);
  }

  private forgetEnded(now: number) {
    for (const [key, window] of this.windows) {
      if (window.startedAt + 60_000 <= now) this.windows.delete(key);
    }
  }
}
