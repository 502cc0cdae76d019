/** Form answers that pass every template's form; tests override a few. */
export const baseAnswers = {
  name: 'listing-photos',
  description: 'Stores and resizes the photos of property listings.',
  owner: 'group:default/listings',
  system: 'system:default/property-marketplace',
  tier: 'tier-2',
  lifecycle: 'experimental',
  ciProvider: 'github',
  registry: 'harbor.gogidix.dev/listings',
  environments: ['dev', 'staging', 'prod'],
  meshEnabled: true,
  timeoutSeconds: 5,
  retries: 2,
  perTryTimeoutSeconds: 2,
  circuitBreaking: true,
  canaryWeight: 10,
  serviceMonitor: true,
  dashboard: true,
  logs: true,
  traces: true,
  availability: 0.999,
  latencyThresholdMs: 300,
  latencyTarget: 0.99,
  sloWindow: '28d',
  gpuProfile: 'none',
  vaultEnabled: true,
  vaultPolicy: 'service-read',
  postgres: true,
  bucket: false,
  queue: false,
};

/** Each template's own first page. */
export const templateAnswers: Record<string, Record<string, unknown>> = {
  'typescript-service': { language: 'typescript', nodeVersion: '22' },
  'python-model-service': { language: 'python' },
  'java-service': {
    language: 'java',
    groupId: 'io.gogidix',
    nexusUrl: 'https://nexus.gogidix.dev',
  },
};

export const TEMPLATES = Object.keys(templateAnswers);
export const GPU_PROFILES = [
  'none',
  'small-inference',
  'large-inference',
  'training',
  'mig-slice',
];
