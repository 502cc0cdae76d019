import { Link } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';
import { portalDestinations } from './destinations';

function Tile(props: {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
}) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea
        component={Link}
        to={props.to}
        sx={{
          height: '100%',
          p: 2,
          display: 'flex',
          gap: 2,
          alignItems: 'flex-start',
          justifyContent: 'flex-start',
        }}
      >
        <Box sx={{ color: 'primary.main', mt: 0.5 }}>{props.icon}</Box>
        <Box>
          <Typography variant="subtitle1" component="h3" fontWeight={600}>
            {props.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {props.description}
          </Typography>
        </Box>
      </CardActionArea>
    </Card>
  );
}

/** The portal's main destinations, one click from the home page. */
export function QuickLinks() {
  return (
    <Box
      component="nav"
      aria-label="Quick links"
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
      }}
    >
      {portalDestinations.map(destination => (
        <Tile key={destination.to} {...destination} />
      ))}
    </Box>
  );
}
