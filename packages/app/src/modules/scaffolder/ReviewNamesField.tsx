import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';

/** The answers holding entity refs that the Review page should name. */
const REF_ANSWERS = ['owner', 'system'] as const;
type ReviewNames = Partial<Record<(typeof REF_ANSWERS)[number], string>>;

/** What people call an entity: its title, a group's display name, its name. */
export function entityDisplayName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return entity.metadata.title ?? profile?.displayName ?? entity.metadata.name;
}

/**
 * Renders nothing: keeps, beside the owner and system refs the steps need,
 * their names, so the Review page (which shows answers as they are stored)
 * lists "Listings team" rather than `group:default/listings`. The refs
 * themselves are hidden from the review in the template.
 */
export function ReviewNamesField(
  props: FieldExtensionComponentProps<ReviewNames>,
) {
  const { formContext, formData, onChange } = props;
  const catalog = useApi(catalogApiRef);
  const answers = (formContext?.formData ?? {}) as Record<string, unknown>;
  const owner = answers.owner as string | undefined;
  const system = answers.system as string | undefined;

  useEffect(() => {
    let current = true;
    const refs = { owner, system };
    (async () => {
      const pairs = await Promise.all(
        REF_ANSWERS.map(async key => {
          const ref = refs[key];
          if (!ref) return [key, undefined] as const;
          const entity = await catalog
            .getEntityByRef(ref)
            .catch(() => undefined);
          return [
            key,
            entity ? entityDisplayName(entity) : nameOf(ref),
          ] as const;
        }),
      );
      const names: ReviewNames = {};
      for (const [key, name] of pairs) if (name) names[key] = name;
      if (current && JSON.stringify(names) !== JSON.stringify(formData ?? {})) {
        onChange(names);
      }
    })();
    return () => {
      current = false;
    };
  }, [catalog, owner, system, formData, onChange]);
  return null;
}

/** The name in a ref the catalog does not know; nothing for a broken one. */
function nameOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return undefined;
  }
}
