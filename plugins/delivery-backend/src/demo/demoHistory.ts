import { createHash } from 'node:crypto';

/** A commit of a demo repository. */
export interface DemoCommit {
  sha: string;
  date: string;
}

/** A production deployment of a demo repository. */
export interface DemoDeployment {
  id: number;
  sha: string;
  createdAt: string;
  outcome: 'success' | 'failure';
  finishedAt: string;
}

export interface DemoRepository {
  /** Oldest first. */
  commits: DemoCommit[];
  /** Oldest first. */
  deployments: DemoDeployment[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A number in [0, 1) fixed by the words: the same history on every start. */
export function fraction(...words: Array<string | number>): number {
  const digest = createHash('sha256').update(words.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export const shaOf = (...words: Array<string | number>) =>
  createHash('sha1').update(words.join('\u0000')).digest('hex');

/**
 * A repository's deployments over the `days` days up to `now`, the same
 * for the same repository and day on every start: each working day has
 * up to three deployments, each shipping one to four commits made in the
 * two days before it; about one in ten fails. Ids count from the epoch day,
 * so a deployment keeps its id from one day to the next.
 */
export function demoRepository(
  slug: string,
  now: Date,
  days: number,
): DemoRepository {
  const today = Math.floor(now.getTime() / DAY_MS);
  const commits: DemoCommit[] = [];
  const deployments: DemoDeployment[] = [];
  // Repositories deploy at their own pace: from twice a week to daily.
  const pace = 0.3 + 0.7 * fraction(slug, 'pace');
  for (let day = today - days; day <= today; day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const count = Math.floor(fraction(slug, day, 'count') * 3 * pace + 0.4);
    for (let k = 0; k < count; k++) {
      const createdAt = new Date(
        day * DAY_MS +
          (8 + k * 3) * HOUR_MS +
          Math.floor(fraction(slug, day, k, 'at') * 3 * HOUR_MS),
      );
      if (createdAt > now) continue;
      const shipped = 1 + Math.floor(fraction(slug, day, k, 'commits') * 4);
      for (let c = 0; c < shipped; c++) {
        const age = fraction(slug, day, k, c, 'age') * 48 * HOUR_MS;
        commits.push({
          sha: shaOf(slug, day, k, c),
          date: new Date(createdAt.getTime() - age - HOUR_MS).toISOString(),
        });
      }
      const failed = fraction(slug, day, k, 'failed') < 0.1;
      deployments.push({
        id: day * 10 + k,
        sha: commits[commits.length - 1].sha,
        createdAt: createdAt.toISOString(),
        outcome: failed ? 'failure' : 'success',
        finishedAt: new Date(
          createdAt.getTime() +
            (4 + Math.floor(fraction(slug, day, k, 'took') * 20)) * 60_000,
        ).toISOString(),
      });
    }
  }
  // History order is commit order; a deployment's commits precede its own.
  return { commits, deployments };
}
