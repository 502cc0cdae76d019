import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/** The deepest template answers we take; the forms nest a few levels. */
export const MAX_VALUES_DEPTH = 32;

/**
 * How deeply a parsed JSON value nests (a scalar is 0, `[]` is 1), counted
 * without recursion so that a hostile value cannot overflow the stack;
 * stops counting past `limit`.
 */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) {
      pending.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Runs before the scaffolder's own routes: parses the body of a task or a
 * dry run as the scaffolder would (it then skips its parser) and refuses
 * answers nested deeper than MAX_VALUES_DEPTH with a 400. Unchecked, such
 * answers reach the template renderer and fail there with a 500.
 */
export function templateValuesDepthLimit(): RequestHandler {
  const router = express.Router();
  router.post(
    ['/v2/tasks', '/v2/dry-run'],
    // The scaffolder's own limit, so that nothing it accepts is refused here.
    express.json({ limit: '10MB' }),
    (req, _res, next) => {
      const values = req.body?.values;
      if (jsonDepth(values, MAX_VALUES_DEPTH) > MAX_VALUES_DEPTH) {
        throw new InputError(
          `values: the template answers nest deeper than ${MAX_VALUES_DEPTH} levels; send the form's answers as plain values and lists`,
        );
      }
      next();
    },
  );
  return router;
}
