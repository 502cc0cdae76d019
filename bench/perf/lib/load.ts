import autocannon from 'autocannon';
import { percentile, round, summary } from './stats';

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

/** One backend the load goes to, with its share of the connections. */
export interface LoadTarget {
  baseUrl: string;
  token: string;
  connections: number;
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
  return runLoadOn([options], options.request, options.seconds);
}

/**
 * The same load sent to several backends at once (replicas behind a load
 * balancer), each on its own connections: requests per second add up, and
 * the percentiles are over every response of every backend.
 */
export async function runLoadOn(
  targets: LoadTarget[],
  request: BenchRequest,
  seconds: number,
): Promise<LoadRun> {
  const latencies: number[] = [];
  const results = await Promise.all(
    targets.map(target => loadOne(target, request, seconds, latencies)),
  );
  if (latencies.length === 0) {
    throw new Error(`${request.name}: no request was answered`);
  }
  const sum = (pick: (r: autocannon.Result) => number) =>
    results.reduce((n, r) => n + pick(r), 0);
  return {
    requestsPerSecond: sum(r => r.requests.average),
    p50: round(percentile(latencies, 50), 1),
    p95: round(percentile(latencies, 95), 1),
    p99: round(percentile(latencies, 99), 1),
    errors: sum(r => r.errors + r.timeouts + r.non2xx),
    requests: sum(r => r.requests.total),
  };
}

function loadOne(
  target: LoadTarget,
  request: BenchRequest,
  seconds: number,
  latencies: number[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.baseUrl}${request.path}`,
        method: request.method,
        connections: target.connections,
        duration: seconds,
        timeout: 10,
        headers: {
          authorization: `Bearer ${target.token}`,
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        body: request.body ? JSON.stringify(request.body) : undefined,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
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

/** A table's cells for repeated runs: req/s, P50, P99 ("median (min-max)"), errors. */
export function runCells(runs: LoadRun[]): string[] {
  return [
    summary(runs.map(r => r.requestsPerSecond)),
    summary(runs.map(r => r.p50)),
    summary(runs.map(r => r.p99)),
    errorsOutOf(runs),
  ];
}
