import { formatRef } from '@gogidix/portal-common';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

/**
 * A filter of an org page by catalog refs (teams, owners): pick any number,
 * each shown as people read it (`group:default/listings` reads `listings`).
 */
export function RefFilter(props: {
  label: string;
  options: string[];
  value: string[];
  onChange: (refs: string[]) => void;
  minWidth?: number;
}) {
  return (
    <Autocomplete
      multiple
      size="small"
      sx={{ minWidth: props.minWidth ?? 280 }}
      options={props.options}
      getOptionLabel={formatRef}
      value={props.value}
      onChange={(_, refs) => props.onChange(refs)}
      renderInput={params => <TextField {...params} label={props.label} />}
    />
  );
}
