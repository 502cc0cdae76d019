import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  TIER_LABEL,
  ownersWithTeamsBelow,
  toGroupNode,
} from '@gogidix/portal-common';

const columns: TableColumn<Entity>[] = [
  {
    title: 'Name',
    highlight: true,
    render: entity => (
      <EntityRefLink entityRef={entity} defaultKind="component" />
    ),
  },
  { title: 'Type', field: 'spec.type' },
  { title: 'Lifecycle', field: 'spec.lifecycle' },
  {
    title: 'Tier',
    render: entity => entity.metadata.labels?.[TIER_LABEL] ?? '—',
  },
  {
    title: 'Owner',
    render: entity => {
      const owner = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
      return owner ? <EntityRefLink entityRef={owner.targetRef} /> : '—';
    },
  },
];

/**
 * Components owned by the signed-in user, by any group they belong to or by
 * a group below those (a department lead's teams), straight from the
 * catalog's ownership relations.
 */
export function OwnedServices() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  // Registering existing components is for platform admins (as in the sidebar).
  const register = usePermission({
    permission: catalogEntityCreatePermission,
  });

  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (!ownershipEntityRefs.length) {
      return [];
    }
    const { items: groups } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    });
    const owners = ownersWithTeamsBelow(
      ownershipEntityRefs,
      groups.map(toGroupNode),
    );
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'component',
        'relations.ownedBy': owners,
      },
      fields: ['kind', 'metadata', 'spec', 'relations'],
      order: { field: 'metadata.name', order: 'asc' },
    });
    return items;
  }, [identityApi, catalogApi]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load your services" />
    );
  }
  if (!value?.length) {
    return (
      <Typography variant="body2">
        Neither you nor your teams (nor the teams below them) own a component in
        the catalog yet. <Link to="/create">Create a service</Link>
        {register.allowed ? (
          <>
            {' '}
            or <Link to="/catalog-import">register an existing one</Link>
          </>
        ) : null}
        .
      </Typography>
    );
  }
  return (
    <Table<Entity>
      columns={columns}
      data={value.map(entity => ({
        ...entity,
        id: stringifyEntityRef(entity),
      }))}
      options={{
        paging: value.length > 10,
        pageSize: 10,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
    />
  );
}
