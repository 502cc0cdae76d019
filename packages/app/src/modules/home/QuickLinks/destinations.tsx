import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutline';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import PaymentsIcon from '@mui/icons-material/Payments';
import SpeedIcon from '@mui/icons-material/Speed';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { oncallAlertReadPermission } from '@gogidix/plugin-oncall-common';
import { ReactNode } from 'react';

/** A tile of the home page; `permission` is what opens its page where a role may not. */
export interface PortalDestination {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
  permission?: BasicPermission;
}

/**
 * Where the home page sends people. The SLO, compliance, cost and on-call
 * paths are owned by their plugins. A tile whose page the role cannot open is
 * not shown, as in the sidebar (FAMILY_PAGES in modules/nav).
 */
export const portalDestinations: PortalDestination[] = [
  {
    to: '/create',
    title: 'Create a service',
    description:
      'A new repository with CI, mesh, monitoring, SLOs and Vault wired in.',
    icon: <AddCircleOutlineIcon />,
  },
  {
    to: '/slo',
    title: 'SLOs',
    description: 'Error budgets and burn rates for every service and team.',
    icon: <SpeedIcon />,
  },
  {
    to: '/compliance',
    title: 'Compliance',
    description: 'Scorecards and SOC 2 / ISO 27001 controls with evidence.',
    icon: <AssignmentTurnedInIcon />,
  },
  {
    to: '/cost',
    title: 'Cost',
    description: 'Cloud and Kubernetes spend per service and team.',
    icon: <PaymentsIcon />,
  },
  {
    to: '/on-call',
    title: 'On-call',
    description: 'Who is on call, what is firing, and the runbook for it.',
    icon: <NotificationsActiveIcon />,
    // The org-wide on-call page is for on-call engineers; others reach
    // their services' alerts from each service's On-call tab.
    permission: oncallAlertReadPermission,
  },
];
