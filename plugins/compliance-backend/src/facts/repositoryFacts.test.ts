import { dockerfileRunsAsNonRoot, repositoryFacts } from './repositoryFacts';

describe('dockerfileRunsAsNonRoot', () => {
  it.each([
    ['FROM node:22\nUSER 10001\nCMD ["node"]', true],
    ['FROM node:22\nUSER app:app', true],
    ['FROM node:22\nCMD ["node"]', false],
    ['FROM node:22\nUSER root', false],
    ['FROM node:22\nUSER 0:0', false],
    // Only the final stage runs: a USER in the build stage does not count.
    [
      'FROM node:22 AS build\nUSER 10001\nFROM node:22-slim\nCMD ["node"]',
      false,
    ],
    ['FROM node:22\nUSER 10001\nUSER root', false],
    ['FROM node:22\n# USER 10001\nCMD ["node"]', false],
  ])('%j → %s', (dockerfile, expected) => {
    expect(dockerfileRunsAsNonRoot(dockerfile)).toBe(expected);
  });
});

/** What the golden-path templates generate, rendered. */
const templateRepository = new Map([
  [
    '.github/workflows/ci.yaml',
    'jobs:\n  build:\n    steps:\n      - uses: aquasecurity/trivy-action@0.28.0\n',
  ],
  ['Dockerfile', 'FROM node:22-bookworm-slim\nUSER 10001\n'],
  ['deploy/helm/svc/Chart.yaml', 'apiVersion: v2\nname: svc\n'],
  [
    'deploy/helm/svc/values.yaml',
    `probes:
  liveness: /health/live
  readiness: /health/ready
resources:
  limits:
    cpu: '1'
    memory: 512Mi
networkPolicy:
  allowedCallers:
    - namespace: gateway
      app: api-gateway
mesh:
  enabled: true
  mtls: STRICT
vault:
  enabled: true
  path: listings/svc
`,
  ],
  ['docs/runbooks/availability-burn.md', '# Availability burn'],
  ['docs/runbooks/latency-burn.md', '# Latency burn'],
]);

const values = (facts: ReturnType<typeof repositoryFacts>) =>
  Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.value]));

describe('repositoryFacts', () => {
  it('finds everything the templates generate', () => {
    const facts = repositoryFacts(templateRepository, './docs/runbooks');
    expect(values(facts)).toEqual({
      'repo.ciPipeline': true,
      'repo.ciRunsTrivy': true,
      'repo.dockerfileNonRoot': true,
      'repo.helmMtlsStrict': true,
      'repo.helmNetworkPolicy': true,
      'repo.helmResourceLimits': true,
      'repo.helmProbes': true,
      'repo.helmVault': true,
      'repo.runbookFiles': 2,
    });
    expect(facts['repo.helmProbes'].file).toBe('deploy/helm/svc/values.yaml');
    expect(facts['repo.ciRunsTrivy'].file).toBe('.github/workflows/ci.yaml');
  });

  it('says which file is missing when a repository has none of them', () => {
    const facts = repositoryFacts(new Map([['README.md', '# svc']]));
    expect(Object.values(values(facts))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      0,
    ]);
    expect(facts['repo.ciPipeline'].file).toBe(
      'no .github/workflows/*.yaml or .gitlab-ci.yml',
    );
    expect(facts['repo.dockerfileNonRoot'].file).toBe('no Dockerfile');
  });

  it.each([
    [
      'mesh disabled',
      'mesh:\n  enabled: false\n  mtls: STRICT',
      'repo.helmMtlsStrict',
    ],
    [
      'PERMISSIVE mTLS',
      'mesh:\n  enabled: true\n  mtls: PERMISSIVE',
      'repo.helmMtlsStrict',
    ],
    [
      'no memory limit',
      "resources:\n  limits:\n    cpu: '1'",
      'repo.helmResourceLimits',
    ],
    ['readiness probe only', 'probes:\n  readiness: /ready', 'repo.helmProbes'],
    ['vault without a path', 'vault:\n  enabled: true', 'repo.helmVault'],
    [
      'an empty caller list',
      'networkPolicy:\n  allowedCallers: []',
      'repo.helmNetworkPolicy',
    ],
  ])('%s is not enough', (_, yaml, factId) => {
    const files = new Map([
      ['chart/Chart.yaml', 'name: svc'],
      ['chart/values.yaml', yaml],
    ]);
    expect(repositoryFacts(files)[factId].value).toBe(false);
  });

  it('reads a GitLab pipeline and notices it does not scan', () => {
    const facts = repositoryFacts(
      new Map([['.gitlab-ci.yml', 'build:\n  script: [docker build .]']]),
    );
    expect(facts['repo.ciPipeline'].value).toBe(true);
    expect(facts['repo.ciRunsTrivy'].value).toBe(false);
  });

  it('throws, naming the file, when the Helm values are not YAML', () => {
    expect(() =>
      repositoryFacts(
        new Map([
          ['chart/Chart.yaml', 'name: svc'],
          ['chart/values.yaml', 'mesh: [unclosed'],
        ]),
      ),
    ).toThrow(/^chart\/values\.yaml is not valid YAML/);
  });
});
