import { UpcomingFeature } from './UpcomingPage';

/** What each portal page will show once its plugin lands. */
export const upcomingFeatures: Record<'slo' | 'compliance', UpcomingFeature> = {
  slo: {
    purpose:
      'Service level objectives for every service and team, computed from OpenSLO documents and Prometheus.',
    contents: [
      'each service’s SLOs with target, current SLI and error budget remaining',
      'burn rates over 5m to 3d windows and the multi-window alert state',
      'counts of healthy, at-risk and exhausted budgets by team and system, with 90-day trends',
      'CSV export for reviews',
    ],
    annotations: ['gogidix.io/openslo'],
  },
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
};
