import { InfoCard, Link } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { OnCallShift, ServiceOnCall } from '@gogidix/plugin-oncall-common';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { inAppLink } from '../AlertList/inAppLink';
import { SourceState } from '../SourceState/SourceState';

function until(shift: OnCallShift): string {
  return shift.end ? `until ${new Date(shift.end).toLocaleString()}` : 'always';
}

/** Links into the portal itself (the demo's people and incidents) open in place. */
function usePortalLink(): (url: string) => string {
  const appBaseUrl = useApi(configApiRef).getString('app.baseUrl');
  return url => inAppLink(url, appBaseUrl);
}

function Person({ shift }: { shift: OnCallShift }) {
  const link = usePortalLink();
  return shift.userUrl ? (
    <Link to={link(shift.userUrl)}>{shift.user}</Link>
  ) : (
    <>{shift.user}</>
  );
}

function OnCallDetails({ value }: { value: ServiceOnCall }) {
  const link = usePortalLink();
  return (
    <>
      <Typography variant="subtitle2">On call now</Typography>
      {value.now.length === 0 ? (
        <Typography variant="body2" color="error">
          Nobody is on call at level 1 of {value.escalationPolicy.name}.
        </Typography>
      ) : (
        value.now.map(shift => (
          <Typography variant="body2" key={`${shift.user}-${shift.start}`}>
            <Person shift={shift} /> ({until(shift)})
          </Typography>
        ))
      )}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Next
      </Typography>
      <Typography variant="body2">
        {value.next ? (
          <>
            <Person shift={value.next} /> from{' '}
            {new Date(value.next.start!).toLocaleString()}
          </>
        ) : (
          'No hand-over in the next 14 days'
        )}
      </Typography>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Open incidents
      </Typography>
      {value.incidents.length === 0 ? (
        <Typography variant="body2">None.</Typography>
      ) : (
        <List dense disablePadding>
          {value.incidents.map(incident => (
            <ListItem key={incident.id} disableGutters>
              <ListItemText
                primary={
                  <>
                    <Chip
                      size="small"
                      label={incident.status}
                      color={
                        incident.status === 'triggered' ? 'error' : 'warning'
                      }
                      sx={{ mr: 1 }}
                    />
                    <Link to={link(incident.url)}>
                      #{incident.number} {incident.title}
                    </Link>
                  </>
                }
                secondary={`${incident.urgency} urgency · opened ${new Date(
                  incident.createdAt,
                ).toLocaleString()}${
                  incident.assignees.length
                    ? ` · ${incident.assignees.join(', ')}`
                    : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

export function PagerDutyCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(onCallApiRef);
  const state = useAsync(() => api.serviceOnCall(entityRef), [entityRef]);

  return (
    <InfoCard title="On call (PagerDuty)">
      <SourceState source="PagerDuty" {...state}>
        {value => <OnCallDetails value={value} />}
      </SourceState>
    </InfoCard>
  );
}
