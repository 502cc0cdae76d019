/**
 * What the platform layer needs to know about a service's language and GPU
 * profile: metric names for SLOs and dashboards, CI commands, and container
 * sizes. Kept as data so that adding a language is one entry.
 */

export const LANGUAGES = ['typescript', 'python', 'java'] as const;
export type ServiceLanguage = (typeof LANGUAGES)[number];

export const GPU_PROFILES = [
  'none',
  'small-inference',
  'large-inference',
  'training',
  'mig-slice',
] as const;
export type GpuProfile = (typeof GPU_PROFILES)[number];

export interface LanguageProfile {
  port: number;
  metricsPath: string;
  probes: { liveness: string; readiness: string };
  metrics: {
    /** Request counter, labelled by service and status. */
    requests: string;
    /** Label matcher that selects server errors on the request counter. */
    serverErrors: string;
    statusLabel: string;
    durationBucket: string;
    durationCount: string;
  };
  ci: { buildImage: string; testCommand: string; publishCommand?: string };
}

export const languageProfiles: Record<ServiceLanguage, LanguageProfile> = {
  typescript: {
    port: 8080,
    metricsPath: '/metrics',
    probes: { liveness: '/healthz', readiness: '/readyz' },
    metrics: {
      requests: 'http_requests_total',
      serverErrors: 'code=~"5.."',
      statusLabel: 'code',
      durationBucket: 'http_request_duration_seconds_bucket',
      durationCount: 'http_request_duration_seconds_count',
    },
    ci: {
      buildImage: 'node:22-bookworm-slim',
      testCommand: 'npm ci && npm run build && npm test',
    },
  },
  python: {
    port: 8080,
    metricsPath: '/metrics',
    probes: { liveness: '/healthz', readiness: '/readyz' },
    metrics: {
      requests: 'http_requests_total',
      serverErrors: 'code=~"5.."',
      statusLabel: 'code',
      durationBucket: 'http_request_duration_seconds_bucket',
      durationCount: 'http_request_duration_seconds_count',
    },
    ci: {
      buildImage: 'python:3.11-slim',
      testCommand:
        'pip install -r requirements.txt && python -m unittest discover -s tests -v',
    },
  },
  java: {
    port: 8080,
    metricsPath: '/actuator/prometheus',
    // Spring Boot's health groups on the main port (add-additional-paths).
    probes: { liveness: '/livez', readiness: '/readyz' },
    metrics: {
      requests: 'http_server_requests_seconds_count',
      serverErrors: 'status=~"5.."',
      statusLabel: 'status',
      durationBucket: 'http_server_requests_seconds_bucket',
      durationCount: 'http_server_requests_seconds_count',
    },
    ci: {
      buildImage: 'maven:3.9-eclipse-temurin-17',
      testCommand: 'mvn -B verify',
      publishCommand: 'mvn -B deploy -s .mvn/settings.xml -DskipTests',
    },
  },
};

export interface ContainerResources {
  cpu: string;
  memory: string;
  cpuLimit: string;
  memoryLimit: string;
}

/** CPU and memory that go with each GPU profile (GPUs themselves come from the library chart). */
export const containerResources: Record<GpuProfile, ContainerResources> = {
  none: { cpu: '100m', memory: '128Mi', cpuLimit: '1', memoryLimit: '512Mi' },
  'small-inference': {
    cpu: '2',
    memory: '8Gi',
    cpuLimit: '4',
    memoryLimit: '16Gi',
  },
  'large-inference': {
    cpu: '4',
    memory: '32Gi',
    cpuLimit: '8',
    memoryLimit: '64Gi',
  },
  training: {
    cpu: '16',
    memory: '128Gi',
    cpuLimit: '32',
    memoryLimit: '256Gi',
  },
  'mig-slice': {
    cpu: '1',
    memory: '8Gi',
    cpuLimit: '2',
    memoryLimit: '16Gi',
  },
};
