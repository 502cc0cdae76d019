import { Link } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Typography from '@mui/material/Typography';
import { usePermission } from '@backstage/plugin-permission-react';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { ReactNode } from 'react';
import { portalDestinations } from './destinations';

/** Shows a tile only to those its permission lets open the page. */
function IfAllowed(props: {
  permission: BasicPermission;
  children: ReactNode;
}) {
  const { allowed } = usePermission({ permission: props.permission });
  return allowed ? <>{props.children}</> : null;
}

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
      {portalDestinations.map(({ permission, ...destination }) =>
        permission ? (
          <IfAllowed key={destination.to} permission={permission}>
            <Tile {...destination} />
          </IfAllowed>
        ) : (
          <Tile key={destination.to} {...destination} />
        ),
      )}
    </Box>
  );
}
