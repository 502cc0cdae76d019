import {
  AUDIT_OUTCOMES,
  AuditEventQuery,
  AuditOutcome,
} from '@gogidix/plugin-audit-common';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { FormEvent, useState } from 'react';

const TEXT_FIELDS = [
  ['actor', 'Actor contains', 'jane.doe'],
  ['eventId', 'Action', 'location-mutate'],
  ['plugin', 'Plugin', 'catalog'],
  ['target', 'Target contains', 'listings'],
] as const;

/** A day picked in the form as the ISO time the API filters on. */
const dayStart = (day: string) =>
  day ? new Date(`${day}T00:00:00Z`).toISOString() : undefined;
const dayAfter = (day: string) =>
  day
    ? new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString()
    : undefined;

/** The audit trail's filters; applied together with the button. */
export function AuditFilters(props: {
  onApply: (query: AuditEventQuery) => void;
}) {
  const [text, setText] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<AuditOutcome | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query: AuditEventQuery = {};
    for (const [name] of TEXT_FIELDS) {
      const value = text[name]?.trim();
      if (value) query[name] = value;
    }
    props.onApply({
      ...query,
      ...(outcome ? { outcome } : {}),
      ...(from ? { from: dayStart(from) } : {}),
      ...(to ? { to: dayAfter(to) } : {}),
    });
  };

  return (
    <form onSubmit={apply} aria-label="Audit filters">
      <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap mb={2}>
        {TEXT_FIELDS.map(([name, label, placeholder]) => (
          <TextField
            key={name}
            size="small"
            label={label}
            placeholder={placeholder}
            value={text[name] ?? ''}
            onChange={e => setText({ ...text, [name]: e.target.value })}
          />
        ))}
        <TextField
          select
          size="small"
          label="Outcome"
          value={outcome}
          onChange={e => setOutcome(e.target.value as AuditOutcome | '')}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">Any</MenuItem>
          {AUDIT_OUTCOMES.map(o => (
            <MenuItem key={o} value={o}>
              {o}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="date"
          label="From"
          InputLabelProps={{ shrink: true }}
          value={from}
          onChange={e => setFrom(e.target.value)}
        />
        <TextField
          size="small"
          type="date"
          label="To"
          InputLabelProps={{ shrink: true }}
          value={to}
          onChange={e => setTo(e.target.value)}
        />
        <Button type="submit" variant="contained">
          Apply filters
        </Button>
      </Stack>
    </form>
  );
}
