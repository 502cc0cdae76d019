import { AuditorService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import { recordingReads, withoutReadContent } from './validationReads';

/** The catalog's own body parser (the OpenAPI router's default `express.json()`). */
const parseJson = express.json();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kind:namespace/name` as far as the body says, for the audit trail. */
function entityRefOf(entity: unknown): string | undefined {
  if (!isObject(entity) || !isObject(entity.metadata)) return undefined;
  const { kind } = entity;
  const { name, namespace = 'default' } = entity.metadata;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return `${kind.toLocaleLowerCase('en-US')}:${namespace}/${name}`;
}

/**
 * Refuses what would let the request choose where the catalog reads, beyond
 * the location it names. The catalog processes the entity at its
 * `managed-by-location` annotation, which wins over the body's `location`;
 * so it must be absent or equal to it. A Location entity's targets would be
 * read and parsed, with parse errors quoting what was read, so Locations are
 * validated by registering them instead.
 */
function assertProcessedAtBodyLocation(body: unknown): void {
  if (!isObject(body) || !isObject(body.entity)) return;
  const { entity, location } = body;
  if (entity.kind === 'Location') {
    throw new InputError(
      'validate-entity does not read the targets of a Location entity; register the location to check it',
    );
  }
  const annotations = isObject(entity.metadata)
    ? entity.metadata.annotations
    : undefined;
  if (!isObject(annotations)) return;
  for (const annotation of [ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION]) {
    const value = annotations[annotation];
    if (value !== undefined && value !== location) {
      throw new InputError(
        `metadata.annotations.${annotation} must be absent or equal to the request's location: the entity is validated at the location the request names`,
      );
    }
  }
}

/**
 * Middleware placed in the catalog's router chain ahead of the catalog's
 * `POST /validate-entity`: it audits each attempt (the catalog's own event
 * is `low`, below what the audit store keeps), refuses entities that would
 * steer where placeholders read, and removes whatever the placeholders read
 * from the answer, because the catalog's policy errors quote the values
 * they reject.
 */
export function createValidateEntityGuard(deps: { auditor: AuditorService }) {
  const { auditor } = deps;

  async function guard(req: Request, res: Response, next: NextFunction) {
    const body: unknown = req.body;
    const entity = isObject(body) ? body.entity : undefined;
    const location = isObject(body) ? body.location : undefined;
    const event = await auditor.createEvent({
      eventId: 'entity-validate',
      severityLevel: 'medium',
      request: req,
      meta: {
        ...(entityRefOf(entity) ? { entityRef: entityRefOf(entity) } : {}),
        ...(typeof location === 'string' ? { locationRef: location } : {}),
      },
    });
    try {
      assertProcessedAtBodyLocation(body);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }

    recordingReads(read => {
      let settled = false;
      const settle = async (status: number) => {
        if (settled) return;
        settled = true;
        if (status < 400) {
          await event.success();
        } else {
          await event.fail({
            error: new Error(`The entity was refused with status ${status}`),
          });
        }
      };
      const json = res.json.bind(res);
      res.json = (answer: unknown) => {
        void settle(res.statusCode);
        return json(withoutReadContent(answer, read));
      };
      res.once('finish', () => void settle(res.statusCode));
      next();
    });
  }

  const router = express.Router();
  router.post('/validate-entity', parseJson, (req, res, next) => {
    guard(req, res, next).catch(next);
  });
  return router;
}
