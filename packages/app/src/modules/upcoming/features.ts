import { UpcomingFeature } from './UpcomingPage';

/** What each portal page will show once its plugin lands. */
export const upcomingFeatures: Record<
  'compliance' | 'cost' | 'on-call',
  UpcomingFeature
> = {
  compliance: {
    purpose:
      'Scorecards and SOC 2 / ISO 27001 controls for every service, each with its evidence.',
    contents: [
      'Bronze, Silver and Gold levels per service, team and system',
      'each control’s status with the fact, value, source and time behind it',
      'campaigns with deadlines and progress, and waivers with expiry',
      'an auditor-readable CSV/JSON export',
    ],
    annotations: [
      'gogidix.io/runbooks',
      'pagerduty.com/service-id',
      'gogidix.io/openslo',
    ],
  },
  cost: {
    purpose:
      'What each team and service costs, from FOCUS billing exports and OpenCost allocations.',
    contents: [
      'daily cost per service by category over 30 and 90 days, with a month-end forecast',
      'totals by team and system, top movers and anomalies',
      'savings: idle GPUs, over-sized requests, resources with no owner',
      'budget against actual where a team budget is set',
    ],
    annotations: [
      'gogidix.io/cost-center',
      'backstage.io/kubernetes-namespace',
    ],
  },
  'on-call': {
    purpose:
      'Who is on call, what is firing, and the runbook for each alert, across the organisation.',
    contents: [
      'who is on call now and next for each service (PagerDuty)',
      'open incidents and firing alerts (Alertmanager), grouped by service and severity',
      'a link from every alert to its runbook, rendered in the portal',
    ],
    annotations: [
      'pagerduty.com/service-id',
      'gogidix.io/alert-selector',
      'gogidix.io/runbooks',
    ],
  },
};
