import { Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { FiringAlert } from '@gogidix/plugin-oncall-common';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { inAppLink } from './inAppLink';

const severityColour: Record<string, 'error' | 'warning' | 'default'> = {
  critical: 'error',
  page: 'error',
  warning: 'warning',
  ticket: 'warning',
};

/** Firing alerts, each with its runbook one click away. */
export function AlertList({ alerts }: { alerts: FiringAlert[] }) {
  const appBaseUrl = useApi(configApiRef).getString('app.baseUrl');
  return (
    <List dense disablePadding>
      {alerts.map(alert => (
        <ListItem key={alert.fingerprint} divider alignItems="flex-start">
          <ListItemText
            primary={
              <>
                <Chip
                  size="small"
                  label={alert.severity}
                  color={severityColour[alert.severity] ?? 'default'}
                  sx={{ mr: 1 }}
                />
                {alert.name}
              </>
            }
            secondary={
              <>
                {alert.summary && (
                  <Typography component="span" variant="body2" display="block">
                    {alert.summary}
                  </Typography>
                )}
                <Typography component="span" variant="caption" display="block">
                  Firing since {new Date(alert.startsAt).toLocaleString()}
                </Typography>
                {alert.runbookUrl ? (
                  <Link to={inAppLink(alert.runbookUrl, appBaseUrl)}>
                    Runbook
                  </Link>
                ) : (
                  <Typography component="span" variant="caption" color="error">
                    No runbook_url on this alert
                  </Typography>
                )}
                {alert.generatorUrl && (
                  <>
                    {' · '}
                    <Link to={alert.generatorUrl}>Source query</Link>
                  </>
                )}
              </>
            }
            secondaryTypographyProps={{ component: 'div' }}
          />
        </ListItem>
      ))}
    </List>
  );
}
