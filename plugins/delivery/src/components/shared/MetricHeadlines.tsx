import { DeliveryMetrics, DoraBand } from '@gogidix/plugin-delivery-common';
import { HeadlineNumber } from '@gogidix/portal-react';
import Chip from '@mui/material/Chip';
import Grid, { GridProps } from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BANDS, formatMetric, METRICS, trendOf } from './format';

const TONE_COLOURS = {
  better: 'success.main',
  worse: 'error.main',
  same: 'text.secondary',
} as const;

/** DORA's performance band of a figure. */
export function BandChip({ band }: { band: DoraBand }) {
  const { label, color } = BANDS[band];
  return (
    <Chip
      // Inside a headline's note, which is a paragraph.
      component="span"
      size="small"
      variant="outlined"
      color={color}
      label={label}
      aria-label={`DORA band: ${label}`}
    />
  );
}

/**
 * The six headline figures as grid items: each with its DORA band where
 * DORA defines one, and the trend against the previous period.
 */
export function MetricHeadlines(props: {
  metrics: DeliveryMetrics;
  days: number;
  item: Omit<GridProps, 'item'>;
}) {
  const { metrics, days, item } = props;
  return (
    <>
      {METRICS.map(definition => {
        const metric = metrics[definition.key];
        const trend = trendOf(definition, metric, days);
        return (
          <Grid item {...item} key={definition.key}>
            <HeadlineNumber
              aria-label={definition.label}
              label={definition.label}
              value={formatMetric(definition, metric)}
              note={
                <Stack
                  component="span"
                  direction="row"
                  spacing={1}
                  alignItems="center"
                  flexWrap="wrap"
                  useFlexGap
                >
                  {metric.band && <BandChip band={metric.band} />}
                  <Typography
                    component="span"
                    variant="body2"
                    color={TONE_COLOURS[trend.tone]}
                  >
                    {metric.value === null
                      ? `No ${definition.from} in the last ${days} days`
                      : trend.text}
                  </Typography>
                </Stack>
              }
            />
          </Grid>
        );
      })}
    </>
  );
}
