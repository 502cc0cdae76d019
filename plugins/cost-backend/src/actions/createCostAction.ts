import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  costEntityReadPermission,
  PeriodChange,
  ServiceAnomaly,
} from '@gogidix/plugin-cost-common';
import { auditedAction, authorizeOrThrow } from '@gogidix/portal-node';
import { CostService } from '../service/CostService';
import { costTeamRef } from '../service/costTeams';
import { TeamAccess } from '../service/teamAccess';

/** The days when the input leaves them out, as on the cost pages. */
const DEFAULT_DAYS = 30;
/** The most anomalies an answer lists, newest first. */
const MAX_ANOMALIES = 10;

const money = (value: number, currency: string) =>
  `${value.toFixed(2)} ${currency}`;

/**
 * `cost:get-cost`: the cost of one service or one team over the last
 * `days` days with data, the change against the days before, and the days
 * that stand out. The same permissions and figures as the service's cost
 * tab and the team's cost page.
 */
export function createCostAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  permissions: PermissionsService;
  service: CostService;
}) {
  const { actionsRegistry, auditor, permissions, service } = deps;
  const teamAccess = new TeamAccess(permissions, service);

  async function serviceCost(
    credentials: BackstageCredentials,
    entityRef: string,
    days: number,
  ) {
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: costEntityReadPermission, resourceRef: entityRef },
      `Not allowed to read the cost of ${entityRef}`,
    );
    const [cost, anomalies] = await Promise.all([
      service.entityCost(entityRef, days),
      service.entityAnomalies(entityRef, days),
    ]);
    return costAnswer({
      subject: entityRef,
      currency: cost.currency,
      from: cost.from,
      to: cost.to,
      days,
      total: cost.change,
      anomalies,
      notes: cost.conflicts,
    });
  }

  async function teamCost(
    credentials: BackstageCredentials,
    team: string,
    days: number,
  ) {
    const visible = await teamAccess.visibleTeams(credentials, team);
    const overview = await service.overview({ days, team, visible });
    return costAnswer({
      subject: overview.team ?? costTeamRef(team),
      currency: overview.currency,
      from: overview.from,
      to: overview.to,
      days,
      total: overview.total,
      anomalies: overview.anomalies,
      notes: [],
    });
  }

  actionsRegistry.register({
    name: 'get-cost',
    title: 'Cost of a service or team',
    description:
      "Returns the cost of one service or one team over the last `days` days with billing data (default 30), the change against the same number of days before (null when the two periods cannot be compared), and the days whose cost stands out against the service's own history, newest first. Give either `service` or `team`.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .min(1)
            .optional()
            .describe(
              'A service name (listings-service) or entity ref (component:default/listings-service)',
            ),
          team: z
            .string()
            .min(1)
            .optional()
            .describe(
              'A team name (payments) or group ref (group:default/payments)',
            ),
          days: z
            .number()
            .int()
            .min(1)
            .max(366)
            .optional()
            .describe('Length of the period in days, 1 to 366 (default 30)'),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          subject: z.string().describe('The service or team ref'),
          currency: z.string(),
          from: z.string(),
          to: z.string(),
          days: z.number(),
          total: z.number(),
          previous: z.number(),
          change: z.number().nullable(),
          changeRatio: z.number().nullable(),
          anomalies: z.array(
            z.object({
              date: z.string(),
              service: z.string(),
              actual: z.number(),
              usual: z.number(),
              increase: z.number(),
              category: z.string(),
            }),
          ),
          notes: z.array(z.string()),
        }),
    },
    examples: [
      {
        title: "The listings service's cost this month",
        input: { service: 'listings-service', days: 30 },
      },
      {
        title: "The payments team's last week",
        input: { team: 'payments', days: 7 },
      },
    ],
    action: async ({ input, credentials }) => {
      if ((input.service === undefined) === (input.team === undefined)) {
        throw new InputError(
          'Give exactly one of service (a component) or team (a group)',
        );
      }
      const days = input.days ?? DEFAULT_DAYS;
      const target = input.service
        ? componentRef(input.service)
        : costTeamRef(input.team!);
      return auditedAction(
        auditor,
        { action: 'get-cost', credentials, target, meta: { days } },
        async () => ({
          output: input.service
            ? await serviceCost(credentials, target, days)
            : await teamCost(credentials, input.team!, days),
        }),
      );
    },
  });
}

function componentRef(service: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(service.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `service: ${
        (error as Error).message
      }; give a name such as listings-service`,
    );
  }
}

/** The figures of a period, and a few lines that say them. */
export function costAnswer(period: {
  subject: string;
  currency: string;
  from: string;
  to: string;
  days: number;
  total: PeriodChange;
  anomalies: ServiceAnomaly[];
  notes: string[];
}) {
  const { subject, currency, total } = period;
  const anomalies = period.anomalies.slice(0, MAX_ANOMALIES).map(a => ({
    date: a.date,
    service: a.entityRef ?? a.name,
    actual: a.actual,
    usual: a.reference,
    increase: a.increase,
    category: a.category,
  }));
  const change =
    total.changeRatio === null
      ? 'not comparable with the period before'
      : `${total.changeRatio >= 0 ? '+' : ''}${(
          total.changeRatio * 100
        ).toFixed(1)}% against the ${period.days} days before`;
  const lines = [
    `${subject} cost ${money(total.current, currency)} from ${period.from} to ${
      period.to
    } (${change}).`,
    anomalies.length
      ? `Days that stand out: ${anomalies
          .map(
            a =>
              `${a.date} ${a.service} ${money(
                a.actual,
                currency,
              )} (usual ${money(a.usual, currency)}, mostly ${a.category})`,
          )
          .join('; ')}.`
      : 'No day stands out.',
    ...period.notes,
  ];
  return {
    summary: lines.join('\n'),
    subject,
    currency,
    from: period.from,
    to: period.to,
    days: period.days,
    total: total.current,
    previous: total.previous,
    change: total.change,
    changeRatio: total.changeRatio,
    anomalies,
    notes: period.notes,
  };
}
