import { ServiceUnavailableError } from '@backstage/errors';
import {
  BURN_RATE_WINDOWS,
  compliancePeriod,
  errorRatioQuery,
  Measured,
  prometheusDuration,
  ResolvedSlo,
  WindowErrorRatios,
} from '@gogidix/plugin-slo-common';
import { SliSource } from './SliSource';

interface PrometheusVectorResponse {
  status: 'success' | 'error';
  error?: string;
  data?: {
    resultType: string;
    result: Array<{ metric: Record<string, string>; value: [number, string] }>;
  };
}

const quoteLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/**
 * `a or b or c …` as a balanced tree: a left-leaning chain of a thousand
 * `or`s is nested a thousand deep, which Prometheus evaluates far more
 * slowly than ten levels of pairs.
 */
function union(exprs: string[]): string {
  if (exprs.length === 1) return exprs[0];
  const half = Math.ceil(exprs.length / 2);
  return `(${union(exprs.slice(0, half))}) or (${union(exprs.slice(half))})`;
}

/**
 * The Prometheus range for an SLO's compliance period as of `at`, in
 * Prometheus syntax (`4w`, `1d12h`); none in the first second of a calendar
 * period, which has no range to look back over yet.
 */
function periodRange(slo: ResolvedSlo, at: Date): string | undefined {
  const { elapsedSeconds } = compliancePeriod(slo.timeWindow, at);
  return elapsedSeconds > 0 ? prometheusDuration(elapsedSeconds) : undefined;
}

/**
 * Reads SLIs from Prometheus's HTTP API (`POST /api/v1/query`). Each query
 * covers every SLO for one window: the per-SLO expressions (from
 * `errorRatioQuery`, the builder the Sloth rules use too, for every OpenSLO
 * form) are tagged with `label_replace` and joined with `or`.
 */
export class PrometheusSliSource implements SliSource {
  constructor(
    private readonly options: {
      baseUrl: string;
      timeoutMs: number;
      fetch?: typeof fetch;
    },
  ) {}

  async errorRatios(slos: ResolvedSlo[], at: Date) {
    const result = new Map<string, WindowErrorRatios>();
    for (const slo of slos) result.set(slo.id, { period: 'missing' });
    if (slos.length === 0) return result;

    const rounds: Array<{
      key: keyof WindowErrorRatios;
      slos: ResolvedSlo[];
      range: (s: ResolvedSlo) => string;
    }> = BURN_RATE_WINDOWS.map(window => ({
      key: window,
      slos,
      range: () => window,
    }));
    // SLOs with the same period length share one query.
    const byPeriod = new Map<string, ResolvedSlo[]>();
    for (const slo of slos) {
      const range = periodRange(slo, at);
      if (range) byPeriod.set(range, [...(byPeriod.get(range) ?? []), slo]);
    }
    for (const [range, group] of byPeriod) {
      rounds.push({ key: 'period', slos: group, range: () => range });
    }

    await Promise.all(
      rounds.map(async round => {
        const expr = union(
          round.slos.map(
            slo =>
              `label_replace(max(${errorRatioQuery(
                slo,
                round.range(slo),
              )}), "slo_id", "${quoteLabel(slo.id)}", "", "")`,
          ),
        );
        for (const [sloId, value] of await this.instantQuery(expr, at)) {
          const ratios = result.get(sloId);
          if (ratios) ratios[round.key] = value;
        }
      }),
    );
    return result;
  }

  private async instantQuery(
    expr: string,
    at: Date,
  ): Promise<Map<string, Measured>> {
    const fetchImpl = this.options.fetch ?? fetch;
    let body: PrometheusVectorResponse;
    try {
      const response = await fetchImpl(
        `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/query`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            query: expr,
            time: String(at.getTime() / 1000),
          }),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        },
      );
      body = (await response.json()) as PrometheusVectorResponse;
      if (!response.ok || body.status !== 'success') {
        throw new Error(body.error ?? `HTTP ${response.status}`);
      }
    } catch (error) {
      throw new ServiceUnavailableError(
        `Prometheus query failed: ${(error as Error).message}`,
      );
    }
    const values = new Map<string, Measured>();
    for (const sample of body.data?.result ?? []) {
      const value = Number(sample.value[1]);
      // NaN comes from 0/0 (no traffic): that is missing data, not 100%.
      values.set(
        sample.metric.slo_id,
        Number.isFinite(value) ? value : 'missing',
      );
    }
    return values;
  }
}
