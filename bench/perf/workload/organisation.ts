// The generated organisation as catalog entities: a group tree, its people,
// domains, systems, services, APIs and infrastructure, related the way a
// real estate is. Pure: the same parameters give the same entities.
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { SeededRandom } from './random';
import { catalogFiles } from './catalogFiles';
import { DEPARTMENTS, FIRST, LAST, NOUNS, ROLES, TEAM_WORDS } from './words';

export interface WorkloadParameters {
  seed: number;
  /** Catalog entities in total, the root Location file not counted. */
  entities: number;
  /** Components with an OpenSLO document (one SLO each). */
  slos: number;
  /** Components with a repository on disk and a Trivy report. */
  complianceEntities: number;
  costRows: number;
  /** Last month of the FOCUS export, `YYYY-MM`. */
  costLastMonth: string;
  costMonths: number;
}

export const DEFAULT_PARAMETERS: WorkloadParameters = {
  seed: 10,
  entities: 10_000,
  slos: 1_000,
  complianceEntities: 1_000,
  costRows: 1_000_000,
  costLastMonth: '2026-10',
  costMonths: 4,
};

/** A component of the golden path: its own repository folder, SLO, report. */
export interface ServiceRepository {
  name: string;
  team: string;
  index: number;
  hasSlo: boolean;
  hasRepository: boolean;
}

export interface Organisation {
  /** Entities by the catalog file (relative to the catalog folder) they go in. */
  files: Map<string, Entity[]>;
  services: ServiceRepository[];
  teams: string[];
}

const RESOURCE_TYPES = ['database', 's3-bucket', 'queue', 'cache'];

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** How many entities of each kind `entities` splits into (about 80% Components). */
export function kindCounts(entities: number) {
  const departments = DEPARTMENTS.length;
  const teams = Math.max(departments, Math.round(entities / 125));
  const counts = {
    Group: 1 + departments + teams,
    User: teams * 10,
    Domain: departments,
    System: Math.max(2, Math.round(entities * 0.02)),
    API: Math.max(1, Math.round(entities * 0.06)),
    Resource: Math.max(1, Math.round(entities * 0.03)),
    Component: 0,
  };
  counts.Component =
    entities - Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (counts.Component < 1) {
    throw new Error(`${entities} entities are too few for an organisation`);
  }
  return { ...counts, teams, departments };
}

const entity = (
  kind: string,
  metadata: Entity['metadata'],
  spec: JsonObject,
): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec });

export function generateOrganisation(
  parameters: WorkloadParameters,
): Organisation {
  const random = new SeededRandom(parameters.seed);
  const counts = kindCounts(parameters.entities);
  const golden = Math.max(parameters.slos, parameters.complianceEntities);
  if (golden > counts.Component) {
    throw new Error(
      `${golden} services with SLOs or repositories, but only ${counts.Component} components`,
    );
  }

  // Groups: the organisation, its departments, their teams; ten people a team.
  const teams = Array.from({ length: counts.teams }, (_, i) => ({
    name: `${DEPARTMENTS[i % DEPARTMENTS.length]}-${random.pick(
      TEAM_WORDS,
    )}-${pad(i, 2)}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length],
    members: [] as string[],
  }));
  const users = Array.from({ length: counts.User }, (_, i) => {
    const team = teams[i % teams.length];
    const name = `${random.pick(FIRST)}.${random.pick(LAST)}-${pad(i)}`;
    team.members.push(name);
    return entity(
      'User',
      { name },
      {
        profile: {
          displayName: name.replace(/[.-]/g, ' '),
          email: `${name}@gogidix.dev`,
        },
        memberOf: [team.name],
      },
    );
  });
  const teamsOf = (department: string) =>
    teams.filter(t => t.department === department);
  const groups: Entity[] = [
    entity(
      'Group',
      {
        name: 'gogidix',
        annotations: {
          'gogidix.io/lead': `user:default/${users[0].metadata.name}`,
        },
      },
      { type: 'organization', children: DEPARTMENTS },
    ),
    ...DEPARTMENTS.map(department =>
      entity(
        'Group',
        {
          name: department,
          annotations: {
            'gogidix.io/lead': `user:default/${
              teamsOf(department)[0].members[0]
            }`,
          },
        },
        {
          type: 'department',
          parent: 'gogidix',
          children: teamsOf(department).map(t => t.name),
        },
      ),
    ),
    ...teams.map(team =>
      entity(
        'Group',
        {
          name: team.name,
          annotations: { 'gogidix.io/lead': `user:default/${team.members[0]}` },
        },
        {
          type: 'team',
          parent: team.department,
          children: [],
          profile: { email: `team-${team.name}@gogidix.dev` },
        },
      ),
    ),
  ];

  const domains = DEPARTMENTS.map(department =>
    entity('Domain', { name: `${department}-domain` }, { owner: department }),
  );
  const systems = Array.from({ length: counts.System }, (_, i) => {
    const team = teams[i % teams.length];
    return entity(
      'System',
      { name: `${random.pick(NOUNS)}-system-${pad(i, 3)}` },
      { owner: team.name, domain: `${team.department}-domain` },
    );
  });
  const systemsOf = new Map<string, string[]>();
  for (const s of systems) {
    const owner = s.spec!.owner as string;
    systemsOf.set(owner, [...(systemsOf.get(owner) ?? []), s.metadata.name]);
  }
  const systemFor = (team: string) =>
    random.pick(systemsOf.get(team) ?? systems.map(s => s.metadata.name));

  const resources = Array.from({ length: counts.Resource }, (_, i) => {
    const team = random.pick(teams).name;
    const type = random.pick(RESOURCE_TYPES);
    return entity(
      'Resource',
      { name: `${random.pick(NOUNS)}-${type}-${pad(i, 3)}` },
      { type, owner: team, system: systemFor(team) },
    );
  });

  // Components first (names and owners), so APIs can name their providers.
  const componentNames = Array.from(
    { length: counts.Component },
    (_, i) => `${random.pick(NOUNS)}-${random.pick(ROLES)}-${pad(i)}`,
  );
  const apiNames = Array.from(
    { length: counts.API },
    (_, i) => `${random.pick(NOUNS)}-api-${pad(i, 3)}`,
  );
  const services: ServiceRepository[] = [];
  const components = componentNames.map((name, i) => {
    const team = random.pick(teams).name;
    const system = systemFor(team);
    const tier = `tier-${random.int(0, 3)}`;
    const dependsOn = [
      ...random
        .sample(componentNames, random.int(0, 2))
        .filter(n => n !== name)
        .map(n => `component:${n}`),
      ...random
        .sample(resources, random.int(0, 1))
        .map(r => `resource:${r.metadata.name}`),
    ];
    const consumesApis = random.chance(0.5)
      ? random.sample(apiNames, random.int(1, 3))
      : [];
    const isService = i < golden;
    const annotations: Record<string, string> = {
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': team,
      'gogidix.io/cost-center': team,
    };
    if (isService) {
      services.push({
        name,
        team,
        index: i,
        hasSlo: i < parameters.slos,
        hasRepository: i < parameters.complianceEntities,
      });
      Object.assign(annotations, {
        'backstage.io/source-location': `url:https://git.gogidix.dev/${team}/${name}/`,
        'gogidix.io/alert-selector': `service=${name}`,
        'gogidix.io/runbooks': './docs/runbooks',
        'gogidix.io/logs-query': `service.name:"${name}"`,
        'gogidix.io/trace-service': name,
        'vault.io/secrets-path': `${team}/${name}`,
        ...(i % 4 < 2 ? { 'pagerduty.com/service-id': `P${pad(i, 6)}` } : {}),
        ...(i < parameters.slos
          ? { 'gogidix.io/openslo': './slo/openslo.yaml' }
          : {}),
      });
    }
    return entity(
      'Component',
      { name, labels: { 'gogidix.io/tier': tier }, annotations },
      {
        type: random.chance(0.85) ? 'service' : 'website',
        lifecycle: random.chance(0.9) ? 'production' : 'experimental',
        owner: team,
        system,
        ...(dependsOn.length ? { dependsOn } : {}),
        ...(consumesApis.length ? { consumesApis } : {}),
      },
    );
  });

  // Each API is provided by one component, the first components first.
  const apis = apiNames.map((name, i) => {
    const provider = components[i % components.length];
    const spec = provider.spec as { owner: string; system: string };
    const provided = (spec as { providesApis?: string[] }).providesApis ?? [];
    (provider.spec as Record<string, unknown>).providesApis = [
      ...provided,
      name,
    ];
    return entity(
      'API',
      { name },
      {
        type: 'openapi',
        lifecycle: 'production',
        owner: spec.owner,
        system: spec.system,
        definition: `openapi: 3.0.3\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /health:\n    get:\n      responses:\n        '200':\n          description: OK\n`,
      },
    );
  });

  const files = catalogFiles({
    groups,
    users,
    domains,
    systems,
    resources,
    apis,
    components,
    services,
    golden,
  });
  return { files, services, teams: teams.map(t => t.name) };
}
