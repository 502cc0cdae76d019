import { useApi } from '@backstage/core-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

const NAME = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;
const TAKEN = / is already in the catalog: choose another name\.$/;

/** The entity a new service of this name would clash with, if any. */
async function clashingRef(
  catalog: Pick<CatalogApi, 'getEntityByRef'>,
  name: string,
): Promise<string | undefined> {
  for (const ref of [`component:default/${name}`, `api:default/${name}-api`]) {
    if (await catalog.getEntityByRef(ref)) return ref;
  }
  return undefined;
}

const takenMessage = (ref: string) =>
  `${ref} is already in the catalog: choose another name.`;

/**
 * The new service's name: the repository, catalog and Kubernetes name at
 * once, so it must follow all three's rules and be free in the catalog.
 * Whether the name is free is checked as it is typed; a "taken" error from
 * an earlier Next is shown only while the name it was about is still there.
 */
export function ServiceNameInput(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  const catalog = useApi(catalogApiRef);
  const value = formData ?? '';
  const [clash, setClash] = useState<{ name: string; ref?: string }>();

  useEffect(() => {
    if (!NAME.test(value)) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      clashingRef(catalog, value).then(
        ref => current && setClash({ name: value, ref }),
        () => current && setClash(undefined),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalog, value]);

  const errors = (rawErrors ?? []).filter(
    message =>
      !TAKEN.test(message) ||
      message.startsWith(`component:default/${value} `) ||
      message.startsWith(`api:default/${value}-api `),
  );
  const liveClash = clash?.name === value ? clash.ref : undefined;
  let helperText = errors[0] ?? schema.description;
  if (!errors.length && liveClash) helperText = takenMessage(liveClash);
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      helperText={helperText}
      value={value}
      required={required}
      error={errors.length > 0 || Boolean(liveClash)}
      onChange={event => onChange(event.target.value.trim())}
      margin="normal"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
    />
  );
}

/**
 * Blocks Next while the name is taken. The name's form is checked by the
 * template's schema, whose errorMessage says the rule in words.
 */
export const validateServiceName: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  const catalog = apiHolder.get(catalogApiRef);
  if (!value || !NAME.test(value) || !catalog) {
    return;
  }
  const ref = await clashingRef(catalog, value);
  if (ref) validation.addError(takenMessage(ref));
};
