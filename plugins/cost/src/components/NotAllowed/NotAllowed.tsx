import { WarningPanel } from '@backstage/core-components';

/**
 * What a user sees instead of data the portal's policy does not let them
 * read: which role it is for, instead of an error.
 */
export function NotAllowed(props: { title: string; message: string }) {
  return (
    <WarningPanel
      severity="info"
      title={props.title}
      message={props.message}
      defaultExpanded
    />
  );
}
