import { InfoCard, Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import { NotConfiguredState } from '../SourceState/SourceState';
import { jaegerSearchUrl, kibanaDiscoverUrl } from './observabilityLinks';
import {
  LOGS_QUERY_ANNOTATION,
  TRACE_SERVICE_ANNOTATION,
} from '@gogidix/portal-common';

function LinkOrHint({
  source,
  baseUrl,
  baseUrlKey,
  value,
  annotation,
  href,
  label,
}: {
  source: string;
  baseUrl?: string;
  baseUrlKey: string;
  value?: string;
  annotation: string;
  href: (baseUrl: string, value: string) => string;
  label: string;
}) {
  if (!value) {
    return (
      <NotConfiguredState
        source={source}
        configKey={`metadata.annotations["${annotation}"]`}
      />
    );
  }
  if (!baseUrl) {
    // No link to a server that is not there; what to look for still helps.
    return (
      <>
        <Typography variant="body2">
          What to look for in {source}: <code>{value}</code>
        </Typography>
        <NotConfiguredState source={source} configKey={baseUrlKey} />
      </>
    );
  }
  return (
    <Typography variant="body2" paragraph>
      <Link to={href(baseUrl, value)}>{label}</Link>
    </Typography>
  );
}

/** Links into Kibana and Jaeger built from the entity's annotations. */
export function LogsAndTracesCard() {
  const { entity } = useEntity();
  const config = useApi(configApiRef);
  const annotations = entity.metadata.annotations ?? {};
  const logsQuery = annotations[LOGS_QUERY_ANNOTATION];
  const traceService = annotations[TRACE_SERVICE_ANNOTATION];

  return (
    <InfoCard title="Logs and traces">
      <LinkOrHint
        source="Kibana"
        baseUrl={config.getOptionalString('onCall.kibana.baseUrl')}
        baseUrlKey="onCall.kibana.baseUrl"
        value={logsQuery}
        annotation={LOGS_QUERY_ANNOTATION}
        href={kibanaDiscoverUrl}
        label={`Logs in Kibana: ${logsQuery}`}
      />
      <LinkOrHint
        source="Jaeger"
        baseUrl={config.getOptionalString('onCall.jaeger.baseUrl')}
        baseUrlKey="onCall.jaeger.baseUrl"
        value={traceService}
        annotation={TRACE_SERVICE_ANNOTATION}
        href={jaegerSearchUrl}
        label={`Traces in Jaeger: ${traceService}`}
      />
    </InfoCard>
  );
}
