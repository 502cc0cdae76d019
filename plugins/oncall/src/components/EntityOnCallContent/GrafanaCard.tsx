import { InfoCard, Link, WarningPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { GrafanaInstanceResult } from '@gogidix/plugin-oncall-common';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { AlertList } from '../AlertList/AlertList';
import { SourceState } from '../SourceState/SourceState';

function Instance({ result }: { result: GrafanaInstanceResult }) {
  if (result.status === 'error') {
    return (
      <WarningPanel
        severity="error"
        title={`Grafana ${result.instance} could not be read`}
      >
        <Typography variant="body2">{result.message}</Typography>
      </WarningPanel>
    );
  }
  return (
    <section aria-label={`Grafana ${result.instance}`}>
      <Typography variant="subtitle2">{result.instance}</Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Typography variant="overline">Dashboards</Typography>
          {result.dashboards.length === 0 ? (
            <Typography variant="body2">No dashboard matches.</Typography>
          ) : (
            <List dense disablePadding>
              {result.dashboards.map(d => (
                <ListItem key={d.url ?? d.title} disableGutters>
                  <ListItemText
                    primary={
                      d.url ? <Link to={d.url}>{d.title}</Link> : d.title
                    }
                    secondary={d.folderTitle}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="overline">Alerts</Typography>
          {result.alerts.length === 0 ? (
            <Typography variant="body2">Nothing is firing.</Typography>
          ) : (
            <AlertList alerts={result.alerts} />
          )}
        </Grid>
      </Grid>
    </section>
  );
}

/** Dashboards and alerts from every configured Grafana instance. */
export function GrafanaCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(onCallApiRef);
  const state = useAsync(() => api.grafana(entityRef), [entityRef]);

  return (
    <InfoCard title="Grafana">
      <SourceState source="Grafana" {...state}>
        {({ instances }) => (
          <>
            {instances.map(result => (
              <Instance key={result.instance} result={result} />
            ))}
          </>
        )}
      </SourceState>
    </InfoCard>
  );
}
