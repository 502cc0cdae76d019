import { durationSeconds, ResolvedSlo } from '@gogidix/plugin-slo-common';
import { SliObservation } from '../database/SloStore';

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
const diurnal = (ts: number) =>
  1 + 0.6 * Math.sin((2 * Math.PI * ((ts % 86400) / 3600 - 10)) / 24);

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
    previous?: Map<string, SliObservation>;
  },
): SliObservation[] {
  const out: SliObservation[] = [];
  const first =
    Math.ceil(options.from / options.stepSeconds) * options.stepSeconds;
  for (const slo of slos) {
    const p = profile(slo.id);
    const allowed = 1 - slo.target;
    const sliceSeconds = slo.timeslice
      ? durationSeconds(slo.timeslice.window) ?? 60
      : undefined;
    let good = options.previous?.get(slo.id)?.good ?? 0;
    let total = options.previous?.get(slo.id)?.total ?? 0;
    for (let ts = first; ts <= options.to; ts += options.stepSeconds) {
      const noise = unit(`noise:${slo.id}:${ts}`);
      const errorRatio = Math.min(
        1,
        allowed * p.baseline * (0.4 + 1.2 * noise) +
          incidentErrorRatio(slo.id, p, ts),
      );
      if (sliceSeconds) {
        const slices = Math.max(
          1,
          Math.round(options.stepSeconds / sliceSeconds),
        );
        let bad = 0;
        for (let i = 0; i < slices; i++) {
          if (unit(`slice:${slo.id}:${ts}:${i}`) < errorRatio) bad++;
        }
        total += slices;
        good += slices - bad;
      } else {
        const requests = Math.round(
          p.rate * options.stepSeconds * diurnal(ts) * (0.9 + 0.2 * noise),
        );
        total += requests;
        good += requests - Math.round(requests * errorRatio);
      }
      out.push({ sloId: slo.id, ts, good, total });
    }
  }
  return out;
}
