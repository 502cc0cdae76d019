import { WarningPanel } from '@backstage/core-components';

/**
 * What a user sees instead of data the portal's policy does not let them
 * read: who it is for, instead of an error. The one 403 panel of every family.
 */
export function NotAllowed(props: { title?: string; message: string }) {
  return (
    <WarningPanel
      severity="info"
      title={props.title ?? 'Not allowed'}
      message={props.message}
      defaultExpanded
    />
  );
}
