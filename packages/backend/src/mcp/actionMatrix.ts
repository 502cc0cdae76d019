import { RoleName } from '../routeMatrix/matrix';

/**
 * The action matrix: every MCP tool the portal serves, called as each demo
 * role, and what must come back. A tool call answers HTTP 200 whether it
 * was allowed or refused (the refusal is in the JSON-RPC result), so the
 * route matrix holds one row per action at the endpoint the MCP plugin
 * invokes it through (routeMatrix/actionRoutes.ts, by status), and this
 * table the answers an assistant gets.
 *
 * An answer is `'ok'`, or a pattern the error text must match (a refusal is
 * `NotAllowedError: …`, as the route's 403 says it).
 */
export type ActionAnswer = 'ok' | RegExp;

export interface ActionCase {
  tool: string;
  args: Record<string, unknown>;
  /** The answer for every role, or per role. */
  answer: ActionAnswer | Record<RoleName, ActionAnswer>;
  /** Checks an allowed answer's structured data; returns what is wrong. */
  check?: (data: Record<string, any>) => string | undefined;
}

const REFUSED = /^NotAllowedError: /;

const ADMIN_ONLY = {
  platformAdmin: 'ok',
  manager: REFUSED,
  onCall: REFUSED,
  developer: REFUSED,
} as const;
/** The manager's subtree and on-call, not the platform team. */
const OTHER_TEAMS_ON_CALL = {
  platformAdmin: 'ok',
  manager: 'ok',
  onCall: 'ok',
  developer: REFUSED,
} as const;
/** The manager's subtree, not on-call or the platform team. */
const MANAGERS = {
  platformAdmin: 'ok',
  manager: 'ok',
  onCall: REFUSED,
  developer: REFUSED,
} as const;
/** What the platform team owns: everyone but on-call (cost, compliance). */
const PLATFORM_NOT_ON_CALL = {
  platformAdmin: 'ok',
  manager: 'ok',
  onCall: REFUSED,
  developer: 'ok',
} as const;

const wrongUnless = (ok: boolean, what: string) => (ok ? undefined : what);

/** An hour ago, for SLO status as of a past moment. */
export const AN_HOUR_AGO = new Date(
  Math.floor((Date.now() - 3_600_000) / 1000) * 1000,
).toISOString();

export const ACTION_MATRIX: ActionCase[] = [
  // Catalog: everyone reads it.
  {
    tool: 'catalog.find-service',
    args: { service: 'listings-service' },
    answer: 'ok',
    check: ({ service: s }) =>
      wrongUnless(
        s?.owner === 'group:default/listings' &&
          s.system === 'property-marketplace' &&
          s.dependsOn.includes('component:default/media-service') &&
          s.dependencyOf.includes('component:default/api-gateway') &&
          s.providesApis.includes('api:default/listings-api-v1'),
        `owner, dependencies or APIs wrong: ${JSON.stringify(s)}`,
      ),
  },
  {
    tool: 'catalog.find-service',
    args: { service: 'listings' },
    answer: 'ok',
    check: ({ service, candidates }) =>
      wrongUnless(
        service === null &&
          candidates.includes('component:default/listings-service'),
        `no near match: ${JSON.stringify(candidates)}`,
      ),
  },
  // SLO: every service's SLOs are public, now and as of a past moment.
  {
    tool: 'slo.get-slo-status',
    args: { service: 'listings-service' },
    answer: 'ok',
    check: d =>
      wrongUnless(
        d.entityRef === 'component:default/listings-service' &&
          d.sliSource === 'demo' &&
          d.slos.length > 0,
        `not the listings SLOs: ${d.summary}`,
      ),
  },
  {
    tool: 'slo.get-slo-status',
    args: { service: 'listings-service', at: AN_HOUR_AGO },
    answer: 'ok',
    check: d =>
      wrongUnless(d.at === AN_HOUR_AGO, `at is ${d.at}, not ${AN_HOUR_AGO}`),
  },
  {
    tool: 'slo.get-slo-status',
    args: { service: 'listings-service', at: 'yesterday' },
    answer: /^InputError: at must be an RFC 3339 date-time/,
  },
  // Cost: a team's own, a manager's subtree; on-call sees none.
  {
    tool: 'cost.get-cost',
    args: { service: 'api-gateway', days: 30 },
    answer: PLATFORM_NOT_ON_CALL,
    check: d =>
      wrongUnless(
        d.subject === 'component:default/api-gateway' && d.days === 30,
        `subject ${d.subject}`,
      ),
  },
  {
    tool: 'cost.get-cost',
    args: { service: 'listings-service' },
    answer: MANAGERS,
  },
  {
    tool: 'cost.get-cost',
    args: { team: 'payments', days: 7 },
    answer: MANAGERS,
    check: d =>
      wrongUnless(
        d.subject === 'group:default/payments',
        `subject ${d.subject}`,
      ),
  },
  {
    tool: 'cost.get-cost',
    args: { team: 'platform' },
    answer: PLATFORM_NOT_ON_CALL,
  },
  {
    tool: 'cost.get-cost',
    args: { service: 'api-gateway', team: 'platform' },
    answer: /^InputError: Give exactly one of service/,
  },
  // Compliance: as cost.
  {
    tool: 'compliance.get-compliance',
    args: { service: 'api-gateway' },
    answer: PLATFORM_NOT_ON_CALL,
    check: d =>
      wrongUnless(
        ['gold', 'silver', 'bronze', 'none'].includes(d.level) &&
          d.failing.every((c: { howToFix: string }) => c.howToFix.length > 0),
        `level ${d.level} or a failing check without a fix`,
      ),
  },
  {
    tool: 'compliance.get-compliance',
    args: { service: 'listings-service' },
    answer: MANAGERS,
  },
  // On-call: each service's alerts and runbooks for its team, its managers
  // and on-call; who is on call also for the teams that depend on it.
  {
    tool: 'oncall.get-firing-alerts',
    args: { service: 'api-gateway' },
    answer: 'ok',
    check: d =>
      wrongUnless(
        d.alerts.length === 1 &&
          d.alerts[0].name === 'GatewayErrors' &&
          d.alerts[0].runbook === 'slo-availability-burn',
        `alerts: ${JSON.stringify(d.alerts)}`,
      ),
  },
  {
    tool: 'oncall.get-firing-alerts',
    args: { service: 'listings-service' },
    answer: OTHER_TEAMS_ON_CALL,
    check: d =>
      wrongUnless(
        d.alerts.map((a: { name: string }) => a.name).join() ===
          'ListingsServiceHighErrorRate',
        `alerts: ${JSON.stringify(d.alerts)}`,
      ),
  },
  {
    tool: 'oncall.get-runbook',
    args: { service: 'listings-service', runbook: 'high-error-rate' },
    answer: OTHER_TEAMS_ON_CALL,
    check: d =>
      wrongUnless(
        /ListingsServiceHighErrorRate/.test(d.runbook?.markdown ?? ''),
        'not the high error rate runbook',
      ),
  },
  {
    tool: 'oncall.get-runbook',
    args: { service: 'api-gateway' },
    answer: 'ok',
    check: d =>
      wrongUnless(
        d.runbooks.map((r: { name: string }) => r.name).join() ===
          'slo-availability-burn,slo-latency-burn',
        `runbooks: ${JSON.stringify(d.runbooks)}`,
      ),
  },
  {
    // api-gateway (the developer's team) depends on listings-service.
    tool: 'oncall.who-is-on-call',
    args: { service: 'listings-service' },
    answer: 'ok',
    check: d =>
      wrongUnless(
        d.configured && d.onCall.length > 0,
        `nobody on call: ${d.summary}`,
      ),
  },
  {
    tool: 'oncall.who-is-on-call',
    args: { service: 'valuation-model' },
    answer: OTHER_TEAMS_ON_CALL,
  },
  // Audit: platform admins.
  {
    tool: 'audit.list-audit-events',
    args: { limit: 5 },
    answer: ADMIN_ONLY,
    check: d => wrongUnless(d.events.length <= 5, `${d.events.length} events`),
  },
  // Write actions: a run needs its dry run first, whoever asks.
  {
    tool: 'scaffolder.create-service',
    args: {
      templateRef: 'template:default/typescript-service',
      values: { name: 'matrix-probe', owner: 'group:default/listings' },
      dryRun: false,
    },
    answer:
      /^InputError: confirm: scaffolder:create-service needs a dry run first/,
  },
  // A waiver's dry run: the manager's subtree and admins (stores nothing).
  {
    tool: 'compliance.request-waiver',
    args: {
      entityRef: 'component:default/listings-service',
      checkId: 'tier-declared',
      reason: 'The tier is being agreed with the product owner',
      approver: 'user:default/amara.okafor',
      expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      dryRun: true,
    },
    answer: MANAGERS,
    check: d =>
      wrongUnless(
        d.dryRun === true && typeof d.confirmation?.token === 'string',
        `no confirmation: ${JSON.stringify(d).slice(0, 200)}`,
      ),
  },
];

/** The tools that change something: a dry run first, then a confirmation. */
export const WRITE_TOOLS = [
  'compliance.request-waiver',
  'scaffolder.create-service',
];
