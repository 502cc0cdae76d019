import { InfoCard } from '@backstage/core-components';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';

/** One headline number with a line of context under it. */
export function Figure(props: {
  title: string;
  value: string;
  note?: ReactNode;
}) {
  return (
    <InfoCard title={props.title}>
      <Typography variant="h4" component="p">
        {props.value}
      </Typography>
      {props.note && (
        <Typography variant="body2" color="text.secondary">
          {props.note}
        </Typography>
      )}
    </InfoCard>
  );
}
