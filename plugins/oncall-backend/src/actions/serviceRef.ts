import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The input schema's description of `service`, shared by the actions. */
export const SERVICE_INPUT =
  'The service name (listings-service) or entity ref (component:default/listings-service)';

/** A service name or ref as the component it names. */
export function serviceRef(service: string): CompoundEntityRef {
  try {
    return parseEntityRef(service.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `service: ${
        (error as Error).message
      }; give a name such as listings-service`,
    );
  }
}
