import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';

/** The period the delivery pages look back over: 30 or 90 days. */
export function PeriodPicker(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.days}
      onChange={(_, next: number | null) => next && props.onChange(next)}
      aria-label="Period"
    >
      <ToggleButton value={30}>30 days</ToggleButton>
      <ToggleButton value={90}>90 days</ToggleButton>
    </ToggleButtonGroup>
  );
}
