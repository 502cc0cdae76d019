import {
  MonthEndForecast,
  PeriodChange,
  PeriodComparison,
} from '@gogidix/plugin-cost-common';
import { HeadlineNumber } from '@gogidix/portal-react';
import Grid, { GridProps } from '@mui/material/Grid';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { comparisonGap, formatCost, formatRatio } from './format';

const capitalise = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);

/** The period a cost page looks back over: 30 or 90 days. */
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

/**
 * The headline numbers of a period, as grid items: its cost, the change
 * against the period before, and the month-end forecast. `detailed` adds
 * the previous cost and the days left in the month, for one component.
 */
export function PeriodHeadlines(props: {
  days: number;
  from: string;
  to: string;
  change: PeriodChange;
  comparison: PeriodComparison;
  forecast: MonthEndForecast;
  currency: string;
  item: Omit<GridProps, 'item'>;
  detailed?: boolean;
}) {
  const { days, change, forecast, currency, item, detailed } = props;
  const cost = (value: number) => formatCost(value, currency);
  return (
    <>
      <Grid item {...item}>
        <HeadlineNumber
          label={`Last ${days} days`}
          value={cost(change.current)}
          note={`${props.from} to ${props.to}`}
        />
      </Grid>
      <Grid item {...item}>
        {change.change === null ? (
          <HeadlineNumber
            label="Change against the previous period"
            value="No comparison"
            note={`${capitalise(comparisonGap(props.comparison) ?? '')}.`}
          />
        ) : (
          <HeadlineNumber
            label="Change against the previous period"
            value={formatRatio(change.changeRatio)}
            note={`${change.change >= 0 ? '+' : ''}${cost(change.change)}${
              detailed ? ` (was ${cost(change.previous)})` : ''
            }`}
          />
        )}
      </Grid>
      <Grid item {...item}>
        <HeadlineNumber
          label={`Forecast for ${forecast.month}`}
          value={cost(forecast.forecast)}
          note={`${cost(forecast.monthToDate)} so far${
            detailed ? `, ${forecast.remainingDays} days to go` : ''
          }`}
        />
      </Grid>
    </>
  );
}
