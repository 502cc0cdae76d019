import autocannon from 'autocannon';
import { percentile, round } from './stats';

/** One request the benchmark repeats. */
export interface BenchRequest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
}

/**
 * Closed-loop load: `connections` keep-alive connections each send the next
 * request as soon as the previous one is answered, for `seconds`. Every
 * response time is recorded, so the percentiles are exact rather than
 * autocannon's fixed set (which has no P95).
 */
export function runLoad(options: {
  baseUrl: string;
  token: string;
  request: BenchRequest;
  connections: number;
  seconds: number;
}): Promise<LoadRun> {
  const { request } = options;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.baseUrl}${request.path}`,
        method: request.method,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        body: request.body ? JSON.stringify(request.body) : undefined,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        if (latencies.length === 0) {
          reject(new Error(`${request.name}: no request was answered`));
          return;
        }
        resolve({
          requestsPerSecond: result.requests.average,
          p50: round(percentile(latencies, 50), 1),
          p95: round(percentile(latencies, 95), 1),
          p99: round(percentile(latencies, 99), 1),
          errors: result.errors + result.timeouts + result.non2xx,
          requests: result.requests.total,
        });
      },
    );
    instance.on(
      'response',
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
      },
    );
  });
}

/** Errors out of requests over all runs, as the tables print them: `0/61826`. */
export function errorsOutOf(runs: LoadRun[]): string {
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return `${errors}/${requests}`;
}
