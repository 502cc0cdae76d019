import { InfoCard, Link } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { runbookPath } from '@gogidix/plugin-oncall-common';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { SourceState } from '../SourceState/SourceState';

export function RunbooksCard() {
  const { entity } = useEntity();
  const ref = getCompoundEntityRef(entity);
  const api = useApi(onCallApiRef);
  const state = useAsync(
    () => api.listRunbooks(ref),
    [ref.kind, ref.namespace, ref.name],
  );

  return (
    <InfoCard title="Runbooks">
      <SourceState source="Runbooks" {...state}>
        {({ runbooks, expectedLocation }) =>
          runbooks.length === 0 ? (
            <Typography variant="body2">
              No runbooks yet: add markdown files to {expectedLocation}.
            </Typography>
          ) : (
            <List dense disablePadding>
              {runbooks.map(runbook => (
                <ListItem key={runbook.name} disableGutters>
                  <Link to={runbookPath(ref, runbook.name)}>
                    {runbook.title}
                  </Link>
                </ListItem>
              ))}
            </List>
          )
        }
      </SourceState>
    </InfoCard>
  );
}
