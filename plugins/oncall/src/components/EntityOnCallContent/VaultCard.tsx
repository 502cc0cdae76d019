import { InfoCard, Link } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { SourceState } from '../SourceState/SourceState';

/**
 * Where the entity's secrets live in Vault: names and links into Vault's UI,
 * never values (the backend only lists metadata).
 */
export function VaultCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(onCallApiRef);
  const state = useAsync(() => api.vaultSecrets(entityRef), [entityRef]);

  return (
    <InfoCard title="Secrets (Vault)">
      <SourceState source="Vault" {...state}>
        {({ mount, paths }) =>
          paths.map(({ path, secrets }) => (
            <section key={path} aria-label={`Vault ${mount}/${path}`}>
              <Typography variant="overline">
                {mount}/{path}
              </Typography>
              {secrets.length === 0 ? (
                <Typography variant="body2">
                  No secrets at this path.
                </Typography>
              ) : (
                <List dense disablePadding>
                  {secrets.map(secret => (
                    <ListItem key={secret.path} disableGutters>
                      {secret.url ? (
                        <Link to={secret.url}>{secret.name}</Link>
                      ) : (
                        secret.name
                      )}
                    </ListItem>
                  ))}
                </List>
              )}
            </section>
          ))
        }
      </SourceState>
    </InfoCard>
  );
}
