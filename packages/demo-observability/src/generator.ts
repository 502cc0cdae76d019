import { durationSeconds, ResolvedSlo } from '@gogidix/plugin-slo-common';

/** Cumulative good and total events of one SLO at `ts` (Unix seconds). */
export interface DemoObservation {
  sloId: string;
  ts: number;
  good: number;
  total: number;
}

/**
 * An incident the demo plays on top of the history, e.g. the outage that
 * the local observability loop pages for: from `from` to `to` (Unix
 * seconds) the SLO fails `errorRatio` of its events (or slices).
 */
export interface DemoIncident {
  sloId: string;
  from: number;
  to: number;
  errorRatio: number;
}

/** FNV-1a: a stable 32-bit hash so the demo history is the same on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A uniform number in [0, 1) fixed by its key. */
const unit = (key: string) => hash(key) / 0x100000000;

interface Profile {
  /** Requests per second at the daily average. */
  rate: number;
  /** Share of the error budget an ordinary day uses. */
  baseline: number;
  /** Chance that a given day has an incident. */
  incidentsPerDay: number;
}

/** Most services are steady, some shaky, a few troubled: hashed from the SLO id. */
function profile(sloId: string): Profile {
  const bucket = hash(`profile:${sloId}`) % 10;
  const rate = 5 + Math.floor(unit(`rate:${sloId}`) * 60);
  if (bucket <= 5) return { rate, baseline: 0.25, incidentsPerDay: 1 / 40 };
  if (bucket <= 8) return { rate, baseline: 0.6, incidentsPerDay: 1 / 12 };
  return { rate, baseline: 0.95, incidentsPerDay: 1 / 5 };
}

/** The SLO's requests per second at the daily average. */
export const demoRequestRate = (sloId: string) => profile(sloId).rate;

/**
 * The error ratio an incident adds at `ts`: a day draws whether it has an
 * incident, when it starts, how long it lasts (20 minutes to 3 hours) and
 * how bad it is (2% to 20% of requests failing).
 */
function incidentErrorRatio(sloId: string, p: Profile, ts: number): number {
  const day = Math.floor(ts / 86400);
  if (unit(`incident:${sloId}:${day}`) >= p.incidentsPerDay) return 0;
  const start =
    day * 86400 + Math.floor(unit(`start:${sloId}:${day}`) * 20 * 3600);
  const length = 1200 + Math.floor(unit(`length:${sloId}:${day}`) * 9600);
  if (ts < start || ts >= start + length) return 0;
  return 0.02 + unit(`severity:${sloId}:${day}`) * 0.18;
}

/** Traffic follows the day: a trough at 04:00 UTC, a peak in the afternoon. */
export const diurnal = (ts: number) =>
  1 + 0.6 * Math.sin((2 * Math.PI * ((ts % 86400) / 3600 - 10)) / 24);

/**
 * The share of events (or slices) that fail in the step ending at `ts`:
 * the SLO's ordinary noise, its drawn incidents and any played `incidents`.
 */
export function demoErrorRatio(
  slo: ResolvedSlo,
  ts: number,
  incidents: readonly DemoIncident[] = [],
): number {
  const p = profile(slo.id);
  const played = incidents
    .filter(i => i.sloId === slo.id && ts > i.from && ts <= i.to)
    .reduce((sum, i) => sum + i.errorRatio, 0);
  return Math.min(
    1,
    (1 - slo.target) *
      p.baseline *
      (0.4 + 1.2 * unit(`noise:${slo.id}:${ts}`)) +
      incidentErrorRatio(slo.id, p, ts) +
      played,
  );
}

/** Requests in the `stepSeconds` ending at `ts` (request-based SLOs). */
export function demoRequests(
  slo: ResolvedSlo,
  ts: number,
  stepSeconds: number,
): number {
  const noise = unit(`noise:${slo.id}:${ts}`);
  return Math.round(
    profile(slo.id).rate * stepSeconds * diurnal(ts) * (0.9 + 0.2 * noise),
  );
}

/** Whether slice `index` of the step ending at `ts` is bad (timeslice SLOs). */
export const demoSliceIsBad = (
  slo: ResolvedSlo,
  ts: number,
  index: number,
  errorRatio: number,
) => unit(`slice:${slo.id}:${ts}:${index}`) < errorRatio;

/** The slice length of a timeslice SLO in seconds; undefined for request SLOs. */
export function sliceSeconds(slo: ResolvedSlo): number | undefined {
  return slo.timeslice
    ? durationSeconds(slo.timeslice.window) ?? 60
    : undefined;
}

/**
 * A deterministic history of SLI observations (cumulative good and total
 * counters every `stepSeconds`) for the demo organisation's SLOs. Request
 * SLOs count requests; timeslice SLOs count good and total slices. Counters
 * continue from `previous` so that later rounds extend the same series.
 */
export function generateDemoObservations(
  slos: ResolvedSlo[],
  options: {
    from: number;
    to: number;
    stepSeconds: number;
    previous?: Map<string, DemoObservation>;
  },
): DemoObservation[] {
  const out: DemoObservation[] = [];
  const first =
    Math.ceil(options.from / options.stepSeconds) * options.stepSeconds;
  for (const slo of slos) {
    const slice = sliceSeconds(slo);
    let good = options.previous?.get(slo.id)?.good ?? 0;
    let total = options.previous?.get(slo.id)?.total ?? 0;
    for (let ts = first; ts <= options.to; ts += options.stepSeconds) {
      const errorRatio = demoErrorRatio(slo, ts);
      if (slice) {
        const slices = Math.max(1, Math.round(options.stepSeconds / slice));
        let bad = 0;
        for (let i = 0; i < slices; i++) {
          if (demoSliceIsBad(slo, ts, i, errorRatio)) bad++;
        }
        total += slices;
        good += slices - bad;
      } else {
        const requests = demoRequests(slo, ts, options.stepSeconds);
        total += requests;
        good += requests - Math.round(requests * errorRatio);
      }
      out.push({ sloId: slo.id, ts, good, total });
    }
  }
  return out;
}
