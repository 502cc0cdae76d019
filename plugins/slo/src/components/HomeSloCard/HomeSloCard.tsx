import { Link, Progress } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ownersWithTeamsBelow, toGroupNode } from '@gogidix/portal-common';
import { FetchErrorPanel } from '@gogidix/portal-react';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../apiRef';
import { percent } from '../shared/format';
import { StatusChip } from '../shared/StatusChip';

const ORDER: Record<string, number> = {
  exhausted: 0,
  'at-risk': 1,
  missing: 2,
  healthy: 3,
};

/**
 * The SLOs of the services the signed-in user and their teams own, worst
 * first. Their teams are their groups and every group below them, so a
 * department head sees her teams' SLOs, as on the home page's team roll-up.
 */
export function HomeSloCard() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const sloApi = useApi(sloApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (ownershipEntityRefs.length === 0) return undefined;
    const { items: groups } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    });
    return sloApi.getOrgSummary({
      owners: ownersWithTeamsBelow(
        ownershipEntityRefs,
        groups.map(toGroupNode),
      ),
    });
  }, [identityApi, catalogApi, sloApi]);

  if (loading) return <Progress />;
  if (error)
    return (
      <FetchErrorPanel
        error={error}
        title="Could not load your SLOs"
        notAllowed="The SLOs of your teams are not open to you."
      />
    );
  if (!value || value.slos.length === 0) {
    return (
      <Typography variant="body2">
        None of your services has an SLO yet. Add an OpenSLO document and the{' '}
        <code>gogidix.io/openslo</code> annotation.
      </Typography>
    );
  }
  if (value.sliSource === 'none') {
    return (
      <Typography variant="body2">
        Your services have {value.slos.length} SLO
        {value.slos.length === 1 ? '' : 's'}, but no SLI source is configured to
        evaluate them: an administrator sets <code>slo.prometheus.baseUrl</code>
        .
      </Typography>
    );
  }
  const rows = [...value.slos].sort(
    (a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9),
  );
  const { totals } = value;
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {totals.exhausted} exhausted, {totals.atRisk} at risk, {totals.healthy}{' '}
        healthy
        {totals.missing ? `, ${totals.missing} without data` : ''}.{' '}
        <Link to="/slo">All SLOs</Link>
      </Typography>
      <List dense>
        {rows.slice(0, 8).map(row => (
          <ListItem
            key={row.sloId}
            secondaryAction={<StatusChip status={row.status} />}
            // Room for the widest chip ("Exhausted"), so a long name ends
            // in an ellipsis instead of running under it.
            sx={{ pr: 14 }}
          >
            <ListItemText
              primary={`${row.entityRef.replace(/^.*\//, '')} · ${
                row.displayName
              }`}
              secondary={`Budget left ${percent(
                row.budgetRemaining,
                1,
              )} · SLI ${percent(row.sli)}`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
