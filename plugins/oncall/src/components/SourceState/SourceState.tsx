import { Progress, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { NotConfigured } from '@gogidix/plugin-oncall-common';
import { isNotAllowedError, NotAllowed } from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';

/** Says which key to set instead of showing an empty card. */
export function NotConfiguredState({
  source,
  configKey,
}: {
  source: string;
  configKey: string;
}) {
  const isAnnotation = configKey.startsWith('metadata.annotations');
  return (
    <Alert severity="info" variant="outlined" sx={{ mb: 1 }}>
      <AlertTitle>{source} is not set up</AlertTitle>
      {isAnnotation
        ? `Add ${configKey} to this entity's catalog-info.yaml (see docs/annotations.md).`
        : `Set ${configKey} in app-config.yaml to show ${source} here.`}
    </Alert>
  );
}

/**
 * The one place that turns a source's loading, failure and "not configured"
 * answers into what a card shows, so every card fails the same way and on its
 * own.
 */
export function SourceState<T>({
  source,
  loading,
  error,
  value,
  children,
}: {
  source: string;
  loading: boolean;
  error?: Error;
  value?: T | NotConfigured;
  children: (value: T) => ReactNode;
}) {
  if (loading) {
    return <Progress />;
  }
  if (error && isNotAllowedError(error)) {
    return (
      <NotAllowed
        message={`${source} for this service is for its team, its managers and on-call.`}
      />
    );
  }
  if (error) {
    return (
      <WarningPanel severity="error" title={`${source} could not be read`}>
        <Typography variant="body2">{reasonOf(error)}</Typography>
      </WarningPanel>
    );
  }
  if (!value) {
    return null;
  }
  if (isNotConfigured(value)) {
    return <NotConfiguredState source={source} configKey={value.configKey} />;
  }
  return <>{children(value)}</>;
}

function isNotConfigured(value: unknown): value is NotConfigured {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as NotConfigured).status === 'not-configured'
  );
}

/** The backend's own words (e.g. "Alertmanager at … is unreachable: …"). */
export function reasonOf(error: Error): string {
  return error instanceof ResponseError
    ? error.body.error.message
    : error.message;
}
