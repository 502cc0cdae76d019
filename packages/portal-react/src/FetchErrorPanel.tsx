import { ResponseErrorPanel } from '@backstage/core-components';
import { NotAllowed } from './NotAllowed';

/**
 * Whether a failed call was refused by the permission policy: a
 * `NotAllowedError` thrown in the browser, or a `ResponseError` whose
 * backend body names one (what a backend's NotAllowedError becomes on 403).
 */
export function isNotAllowedError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { name, body } = error as {
    name?: unknown;
    body?: { error?: { name?: unknown } };
  };
  return (
    name === 'NotAllowedError' ||
    (name === 'ResponseError' && body?.error?.name === 'NotAllowedError')
  );
}

/**
 * What a page shows when loading its data failed: the NotAllowed panel when
 * the policy refused it, the error otherwise.
 */
export function FetchErrorPanel(props: {
  error: Error;
  /** Title of the error panel, e.g. "Could not load the SLOs". */
  title?: string;
  /** Who the data is for, shown when the policy refused it. */
  notAllowed: string;
}) {
  if (isNotAllowedError(props.error)) {
    return <NotAllowed message={props.notAllowed} />;
  }
  return <ResponseErrorPanel error={props.error} title={props.title} />;
}
