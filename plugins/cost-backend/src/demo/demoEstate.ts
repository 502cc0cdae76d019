/**
 * The demo organisation's cloud estate: what each service in demo/ runs on
 * and what it costs per day on an ordinary weekday, in euros. The generators
 * turn this into a FOCUS export and OpenCost allocations.
 */

export interface DemoResource {
  /**
   * Component name in demo/services (or, without a team, one no longer in
   * the catalog), or null for team-level or untagged spend.
   */
  service: string | null;
  /** Team tag, or null when the resource is untagged. */
  team: string | null;
  /** Runs as a Kubernetes workload: tagged with namespace and workload label. */
  kubernetes?: boolean;
  resourceId: string;
  resourceName: string;
  serviceCategory: string;
  serviceName: string;
  dailyCost: number;
  account: 'gogidix-prod' | 'gogidix-ml';
  /** For workloads: GPUs per replica set and their utilisation (0..1). */
  gpu?: { count: number; utilisation: number };
  /** For workloads: CPU cores and memory (GiB) requested and used. */
  requests?: {
    cpu: number;
    cpuUsed: number;
    ramGiB: number;
    ramGiBUsed: number;
  };
}

const EKS = 'Amazon Elastic Kubernetes Service';
const EC2 = 'Amazon Elastic Compute Cloud';
const RDS = 'Amazon Relational Database Service';
const S3 = 'Amazon Simple Storage Service';

function workload(
  service: string,
  team: string,
  dailyCost: number,
  requests: DemoResource['requests'],
  extra: Partial<DemoResource> = {},
): DemoResource {
  return {
    service,
    team,
    kubernetes: true,
    resourceId: `arn:aws:eks:eu-west-1:111122223333:pod/primary/${team}/${service}`,
    resourceName: service,
    serviceCategory: 'Compute',
    serviceName: EKS,
    dailyCost,
    account: 'gogidix-prod',
    requests,
    ...extra,
  };
}

function managed(
  service: string | null,
  team: string | null,
  resourceName: string,
  serviceCategory: string,
  serviceName: string,
  dailyCost: number,
  account: DemoResource['account'] = 'gogidix-prod',
): DemoResource {
  return {
    service,
    team,
    resourceId: `arn:aws:${serviceName
      .split(' ')
      .pop()!
      .toLowerCase()}:eu-west-1:111122223333:${resourceName}`,
    resourceName,
    serviceCategory,
    serviceName,
    dailyCost,
    account,
  };
}

const small = { cpu: 0.5, cpuUsed: 0.35, ramGiB: 1, ramGiBUsed: 0.7 };
const medium = { cpu: 2, cpuUsed: 1.4, ramGiB: 4, ramGiBUsed: 3 };

export const DEMO_ESTATE: DemoResource[] = [
  workload('api-gateway', 'platform', 42, {
    cpu: 6,
    cpuUsed: 4.5,
    ramGiB: 8,
    ramGiBUsed: 6,
  }),
  managed(
    'api-gateway',
    'platform',
    'loadbalancer/app/gateway',
    'Networking',
    'Elastic Load Balancing',
    18,
  ),
  workload('identity-service', 'platform', 20, medium),
  managed(
    'identity-service',
    'platform',
    'db:identity-db',
    'Databases',
    RDS,
    15,
  ),
  workload('notification-service', 'platform', 8, small),
  managed(
    'notification-service',
    'platform',
    'notification-queue',
    'Integration',
    'Amazon Simple Queue Service',
    4,
  ),
  workload('alert-router', 'sre', 3, small),
  managed(
    'status-page',
    'sre',
    'distribution/status',
    'Networking',
    'Amazon CloudFront',
    2,
  ),
  managed(
    null,
    'sre',
    'log-group/platform',
    'Management and Governance',
    'Amazon CloudWatch',
    25,
  ),
  workload('listings-service', 'listings', 55, {
    cpu: 8,
    cpuUsed: 1.6,
    ramGiB: 12,
    ramGiBUsed: 9,
  }),
  managed(
    'listings-service',
    'listings',
    'db:listings-db',
    'Databases',
    RDS,
    38,
  ),
  workload('media-service', 'listings', 22, medium),
  managed('media-service', 'listings', 'media-bucket', 'Storage', S3, 30),
  managed(
    'media-service',
    'listings',
    'distribution/media',
    'Networking',
    'Amazon CloudFront',
    12,
  ),
  workload('messaging-service', 'listings', 9, small),
  managed(
    'messaging-service',
    'listings',
    'listing-events-queue',
    'Integration',
    'Amazon Simple Queue Service',
    3,
  ),
  workload('legacy-listings-importer', 'listings', 6, small),
  workload('viewing-scheduler', 'listings', 7, small),
  workload('search-service', 'search', 30, medium),
  managed(
    'search-service',
    'search',
    'domain/search-cluster',
    'Analytics',
    'Amazon OpenSearch Service',
    48,
  ),
  workload('search-indexer', 'search', 14, {
    cpu: 4,
    cpuUsed: 0.5,
    ramGiB: 6,
    ramGiBUsed: 2,
  }),
  workload('geo-service', 'search', 9, small),
  workload('payments-service', 'payments', 28, medium),
  managed(
    'payments-service',
    'payments',
    'db:payments-db',
    'Databases',
    RDS,
    26,
  ),
  workload('billing-ledger', 'payments', 12, medium),
  managed('billing-ledger', 'payments', 'db:ledger-db', 'Databases', RDS, 22),
  workload('mortgage-calculator', 'payments', 3, small),
  workload('web-frontend', 'web', 10, small),
  managed(
    'web-frontend',
    'web',
    'distribution/web',
    'Networking',
    'Amazon CloudFront',
    8,
  ),
  workload('mobile-bff', 'web', 16, {
    cpu: 2,
    cpuUsed: 1.5,
    ramGiB: 8,
    ramGiBUsed: 1.2,
  }),
  workload('user-profile-service', 'web', 12, medium),
  managed(
    'user-profile-service',
    'web',
    'db:profiles-db',
    'Databases',
    RDS,
    14,
  ),
  workload('feature-store', 'ai', 18, medium),
  managed(
    'feature-store',
    'ai',
    'cluster/redis-cache',
    'Databases',
    'Amazon ElastiCache',
    20,
  ),
  workload('valuation-model', 'ai', 118, medium, {
    account: 'gogidix-ml',
    serviceName: EC2,
    gpu: { count: 1, utilisation: 0.62 },
  }),
  workload('image-classifier', 'ai', 60, small, {
    account: 'gogidix-ml',
    serviceName: EC2,
    gpu: { count: 1, utilisation: 0.12 },
  }),
  workload('recommendation-service', 'ai', 40, medium, {
    account: 'gogidix-ml',
    serviceName: EC2,
    gpu: { count: 1, utilisation: 0.55 },
  }),
  managed(
    'model-training-pipeline',
    'ai',
    'training-job/valuation',
    'AI and Machine Learning',
    'Amazon SageMaker',
    90,
    'gogidix-ml',
  ),
  managed(
    'model-training-pipeline',
    'ai',
    'model-artifacts-bucket',
    'Storage',
    S3,
    9,
    'gogidix-ml',
  ),
  // Nobody tagged these: they show up in the unallocated bucket and as savings.
  managed(
    null,
    null,
    'volume/vol-0f3a9c2e',
    'Storage',
    'Amazon Elastic Block Store',
    3.2,
  ),
  managed(
    null,
    null,
    'volume/vol-07b1d4aa',
    'Storage',
    'Amazon Elastic Block Store',
    1.8,
  ),
  managed(
    null,
    null,
    'natgateway/nat-0c91',
    'Networking',
    'Amazon Virtual Private Cloud',
    4.5,
  ),
  // Still tagged for a service removed from the catalog: unallocated, and
  // the cost page names the tag and why it matched nothing.
  managed('old-api', null, 'bucket/old-api-exports', 'Storage', S3, 3.2),
];

/** Days (counted back from the last day) and factors of the demo's events. */
export const DEMO_EVENTS: Array<{
  service: string;
  serviceCategory: string;
  /** First affected day, counted back from the last day of the export. */
  daysBeforeEnd: number;
  /** How many days it lasts. */
  length: number;
  factor: number;
}> = [
  // A full reindex of the search cluster.
  {
    service: 'search-service',
    serviceCategory: 'Analytics',
    daysBeforeEnd: 9,
    length: 1,
    factor: 4,
  },
  // A runaway query on the payments database last month.
  {
    service: 'payments-service',
    serviceCategory: 'Databases',
    daysBeforeEnd: 47,
    length: 1,
    factor: 6,
  },
  // The AI team started nightly retraining three weeks ago...
  {
    service: 'model-training-pipeline',
    serviceCategory: 'AI and Machine Learning',
    daysBeforeEnd: 20,
    length: 21,
    factor: 2.2,
  },
  // ...and one hyper-parameter sweep ran wild.
  {
    service: 'model-training-pipeline',
    serviceCategory: 'AI and Machine Learning',
    daysBeforeEnd: 3,
    length: 1,
    factor: 3,
  },
];
