import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import TextField from '@mui/material/TextField';

const NAME = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * The new service's name: the repository, catalog and Kubernetes name at
 * once, so it must follow all three's rules and be free in the catalog.
 */
export function ServiceNameInput(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      helperText={schema.description}
      value={formData ?? ''}
      required={required}
      error={Boolean(rawErrors?.length)}
      onChange={event => onChange(event.target.value.trim())}
      margin="normal"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
    />
  );
}

export const validateServiceName: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  if (!value) {
    return;
  }
  if (!NAME.test(value)) {
    validation.addError(
      'Use 3 to 63 lower-case letters, digits and dashes, starting with a letter and ending with a letter or digit (e.g. listing-photos).',
    );
    return;
  }
  const catalog = apiHolder.get(catalogApiRef);
  if (!catalog) {
    return;
  }
  for (const ref of [
    `component:default/${value}`,
    `api:default/${value}-api`,
  ]) {
    if (await catalog.getEntityByRef(ref)) {
      validation.addError(
        `${ref} is already in the catalog: choose another name.`,
      );
      return;
    }
  }
};
