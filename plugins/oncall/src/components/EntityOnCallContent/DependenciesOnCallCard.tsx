import { InfoCard, Link, Progress } from '@backstage/core-components';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { NotConfigured, ServiceOnCall } from '@gogidix/plugin-oncall-common';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { reasonOf } from '../SourceState/SourceState';

/** The components this entity depends on, as catalog relations name them. */
export function componentDependencies(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_DEPENDS_ON)
    .map(r => r.targetRef)
    .filter(ref => parseEntityRef(ref).kind.toLowerCase() === 'component')
    .sort();
}

function onCallTab(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLowerCase()}/${name}/on-call`;
}

/** One line: who is on call for a dependency, or why the card cannot say. */
function onCallSummary(answer: ServiceOnCall | NotConfigured | Error): string {
  if (answer instanceof Error) {
    return reasonOf(answer);
  }
  if (answer.status === 'not-configured') {
    return 'No PagerDuty service';
  }
  const people = answer.now.map(s => s.user).join(', ') || 'Nobody';
  const open = answer.incidents.length;
  return `${people} on call${
    open ? ` · ${open} open incident${open === 1 ? '' : 's'}` : ''
  }`;
}

/**
 * Who is on call for each component this one depends on: whom to call when
 * a dependency fails it. The policy lets a team see this for what its
 * components depend on, whoever owns it.
 */
export function DependenciesOnCallCard() {
  const { entity } = useEntity();
  const api = useApi(onCallApiRef);
  const dependencies = componentDependencies(entity);
  const { loading, value } = useAsync(
    () =>
      Promise.all(
        dependencies.map(ref =>
          api.serviceOnCall(ref).catch((error: Error) => error),
        ),
      ),
    [dependencies.join()],
  );

  return (
    <InfoCard title="On call for its dependencies">
      {loading && <Progress />}
      {value && (
        <List dense disablePadding>
          {dependencies.map((ref, i) => (
            <ListItem key={ref} disableGutters>
              <ListItemText
                primary={
                  <Link to={onCallTab(ref)}>{parseEntityRef(ref).name}</Link>
                }
                secondary={onCallSummary(value[i])}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
