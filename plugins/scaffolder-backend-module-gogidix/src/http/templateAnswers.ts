import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import { unsafeCharacterIn } from './unsafeText';

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

const fieldPath = (parent: string, key: string) =>
  /^\d+$/.test(key) ? `${parent}[${key}]` : `${parent}.${key}`;

/**
 * The first answer (or answer name) holding a control or bidirectional
 * formatting character, as `values.description: U+202E`. Call it on a
 * value whose depth is bounded.
 */
export function findUnsafeAnswer(
  values: unknown,
): { field: string; character: string } | undefined {
  const pending: Array<[unknown, string]> = [[values, 'values']];
  while (pending.length > 0) {
    const [item, field] = pending.shift()!;
    if (typeof item === 'string') {
      const character = unsafeCharacterIn(item);
      if (character) return { field, character };
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const character = unsafeCharacterIn(key);
        // The name itself is not echoed: it holds the character.
        if (character) return { field: `${field} (a field name)`, character };
        pending.push([child, fieldPath(field, key)]);
      }
    }
  }
  return undefined;
}

/**
 * Runs before the scaffolder's own routes: parses the body of a task or a
 * dry run as the scaffolder would (it then skips its parser) and refuses
 * with a 400, naming the field, answers that the scaffolder would store or
 * render as they are: nested deeper than MAX_VALUES_DEPTH (the renderer
 * fails on them with a 500), or holding control or bidirectional
 * formatting characters (they would reach catalog files, repositories and
 * every page showing the service). Every template, whatever its fields.
 */
export function templateAnswersGuard(): RequestHandler {
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
      const unsafe = findUnsafeAnswer(values);
      if (unsafe) {
        throw new InputError(
          `${unsafe.field}: contains the control or bidirectional formatting character ${unsafe.character}; remove it (answers are single lines of plain text)`,
        );
      }
      next();
    },
  );
  return router;
}
