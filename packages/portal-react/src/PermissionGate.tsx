import { Progress } from '@backstage/core-components';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { ReactNode } from 'react';
import { NotAllowed } from './NotAllowed';

/** What {@link PermissionGate} asks, and what it says to those it turns away. */
export type PermissionGateProps = (
  | { permission: BasicPermission; resourceRef?: never }
  | { permission: ResourcePermission; resourceRef: string | undefined }
) & {
  /** Who the content is for, shown in the NotAllowed panel. */
  notAllowed: string;
  /** Wraps the panel, e.g. in `<Content>` on a page of its own. */
  wrap?: (panel: ReactNode) => ReactNode;
  /**
   * Shown until the policy answers; a progress bar unless told. `null` where
   * the content shows its own progress at once, so that one bar does not
   * replace another.
   */
  progress?: ReactNode;
  children: ReactNode;
};

/**
 * Shows its children once the permission framework allows them, the
 * NotAllowed panel when it does not, and a progress bar until it answers.
 */
export function PermissionGate(props: PermissionGateProps) {
  const {
    notAllowed,
    wrap = panel => panel,
    progress = <Progress />,
    children,
    ...request
  } = props;
  const { loading, allowed } = usePermission(request);
  if (loading) {
    return <>{progress}</>;
  }
  if (!allowed) {
    return <>{wrap(<NotAllowed message={notAllowed} />)}</>;
  }
  return <>{children}</>;
}
