import { UpcomingFeature } from './UpcomingPage';

/** What each portal page will show once its plugin lands. */
export const upcomingFeatures: Record<'compliance', UpcomingFeature> = {
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
