/**
 * One example answer per API the demo stands in for, written from each
 * product's API reference (the fields it documents for the answer, with
 * values of our own). The test checks that the stand-ins answer with at
 * least these fields, of the same JSON types.
 */

const pdReference = {
  id: 'PABC123',
  type: 'user_reference',
  summary: 'A person',
  self: 'https://api.pagerduty.com/users/PABC123',
  html_url: 'https://example.pagerduty.com/users/PABC123',
};

/** PagerDuty REST API v2, "List all of the on-calls" (`GET /oncalls`). */
export const pagerDutyOnCalls = {
  oncalls: [
    {
      escalation_policy: pdReference,
      escalation_level: 1,
      schedule: pdReference,
      user: pdReference,
      start: '2026-12-07T09:00:00Z',
      end: '2026-12-14T09:00:00Z',
    },
  ],
  limit: 25,
  offset: 0,
  more: false,
  total: null,
};

/** PagerDuty REST API v2, "Get a service" (`GET /services/{id}`). */
export const pagerDutyService = {
  service: {
    ...pdReference,
    type: 'service',
    name: 'A service',
    description: 'What it does',
    status: 'active',
    escalation_policy: pdReference,
  },
};

/** PagerDuty REST API v2, "List incidents" (`GET /incidents`). */
export const pagerDutyIncidents = {
  incidents: [
    {
      id: 'PINC001',
      type: 'incident',
      summary: 'Something broke',
      incident_number: 1234,
      title: 'Something broke',
      status: 'triggered',
      urgency: 'high',
      created_at: '2026-12-07T10:00:00Z',
      html_url: 'https://example.pagerduty.com/incidents/PINC001',
      service: pdReference,
      escalation_policy: pdReference,
      assignments: [{ at: '2026-12-07T10:00:00Z', assignee: pdReference }],
    },
  ],
  limit: 25,
  offset: 0,
  more: false,
  total: null,
};

/** PagerDuty REST API v2, "Get a schedule" (`GET /schedules/{id}`). */
export const pagerDutySchedule = {
  schedule: {
    ...pdReference,
    type: 'schedule',
    name: 'Weekly',
    time_zone: 'UTC',
    escalation_policies: [pdReference],
    users: [pdReference],
    final_schedule: {
      name: 'Final Schedule',
      rendered_schedule_entries: [
        {
          start: '2026-12-07T09:00:00Z',
          end: '2026-12-14T09:00:00Z',
          user: pdReference,
        },
      ],
      rendered_coverage_percentage: 100,
    },
  },
};

/** Grafana HTTP API, "Search folders and dashboards" (`GET /api/search`). */
export const grafanaSearch = [
  {
    id: 1,
    uid: 'abc123',
    title: 'Overview',
    uri: 'db/overview',
    url: '/d/abc123/overview',
    slug: '',
    type: 'dash-db',
    tags: ['a-tag'],
    isStarred: false,
    folderId: 2,
    folderUid: 'team',
    folderTitle: 'Team',
    folderUrl: '/dashboards/f/team/',
  },
];

/** Vault KV v2, "List secrets" (`LIST /v1/<mount>/metadata/<path>`). */
export const vaultList = {
  request_id: '1a2b3c4d-0000-4000-8000-000000000000',
  lease_id: '',
  renewable: false,
  lease_duration: 0,
  data: { keys: ['a-secret', 'a-folder/'] },
  wrap_info: null,
  warnings: null,
  auth: null,
};

/** Every field path of `value` with its JSON type; arrays by their first item. */
export function shapeOf(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) {
    return [
      `${at}: array`,
      ...(value.length ? shapeOf(value[0], `${at}[]`) : []),
    ];
  }
  if (value !== null && typeof value === 'object') {
    return [
      `${at}: object`,
      ...Object.entries(value).flatMap(([k, v]) => shapeOf(v, `${at}.${k}`)),
    ];
  }
  return [`${at}: ${value === null ? 'null' : typeof value}`];
}
