import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import Typography from '@mui/material/Typography';
import { Route, Routes, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { reasonOf } from '../SourceState/SourceState';
import { isNotAllowedError, NotAllowed } from '@gogidix/portal-react';
import { RunbookMarkdown } from './RunbookMarkdown';

/** `/runbooks/<namespace>/<kind>/<name>/<runbook>`, a fixed convention. */
export function RunbooksRoutes() {
  return (
    <Routes>
      <Route
        path="/:namespace/:kind/:name/:runbook"
        element={<RunbookPage />}
      />
      <Route
        path="*"
        element={
          <EmptyState
            missing="info"
            title="No runbook chosen"
            description="Runbook links look like /runbooks/<namespace>/<kind>/<name>/<runbook>; open one from a service's On-call tab or an alert."
          />
        }
      />
    </Routes>
  );
}

export function RunbookPage() {
  const params = useParams();
  const entity = {
    namespace: params.namespace!,
    kind: params.kind!,
    name: params.name!,
  };
  const runbookName = params.runbook!;
  const api = useApi(onCallApiRef);
  const { loading, error, value } = useAsync(
    () => api.getRunbook(entity, runbookName),
    [entity.namespace, entity.kind, entity.name, runbookName],
  );
  const entityLink = `/catalog/${entity.namespace}/${entity.kind}/${entity.name}`;

  return (
    <Content>
      <ContentHeader title={`Runbook of ${entity.name}`}>
        <Link to={entityLink}>
          {entity.kind}:{entity.namespace}/{entity.name}
        </Link>
      </ContentHeader>
      {loading && <Progress />}
      {error && <RunbookError error={error} />}
      {value && (
        <InfoCard>
          <RunbookMarkdown entity={entity} markdown={value.markdown} />
          <Typography variant="caption" color="text.secondary" component="p">
            Source: {value.source}
          </Typography>
        </InfoCard>
      )}
    </Content>
  );
}

function RunbookError({ error }: { error: Error }) {
  if (isNotAllowedError(error)) {
    return (
      <NotAllowed message="A service's runbooks are for its team, its managers and on-call." />
    );
  }
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <EmptyState
        missing="content"
        title="Runbook missing"
        description={error.body.error.message}
      />
    );
  }
  return (
    <WarningPanel severity="error" title="The runbook could not be read">
      <Typography variant="body2">{reasonOf(error)}</Typography>
    </WarningPanel>
  );
}
