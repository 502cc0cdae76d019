import { z } from 'zod/v3';
import { GPU_PROFILES, LANGUAGES } from './serviceProfile';

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/**
 * The templates' form answers, as the shared form pages in
 * templates/_shared define them. The form enforces the same limits, so a
 * bad value is caught before any step runs; this schema catches anything
 * that bypasses the form (a task started through the API). Optional
 * answers get the form's defaults.
 */
export const serviceParametersSchema = (zod: typeof z) =>
  zod
    .object({
      name: zod
        .string()
        .regex(
          /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/,
          'use 3 to 63 lower-case letters, digits and dashes, starting with a letter',
        ),
      description: zod.string().min(1),
      owner: zod.string().min(1),
      system: zod.string().optional(),
      tier: zod.enum(['tier-0', 'tier-1', 'tier-2', 'tier-3']),
      lifecycle: zod.enum(['experimental', 'production']),
      ciProvider: zod.enum(['github', 'gitlab']),
      registry: zod
        .string()
        .regex(
          /^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/,
          'a Harbor project such as harbor.gogidix.dev/listings, without https://',
        ),
      environments: zod.array(zod.enum(ENVIRONMENTS)).min(1),
      meshEnabled: zod.boolean().default(true),
      timeoutSeconds: zod.number().positive().max(300).default(5),
      retries: zod.number().int().min(0).max(10).default(2),
      perTryTimeoutSeconds: zod.number().positive().max(300).default(2),
      circuitBreaking: zod.boolean().default(true),
      canaryWeight: zod
        .number()
        .int()
        .min(0, 'use 0 to 100')
        .max(100, 'use 0 to 100')
        .default(10),
      serviceMonitor: zod.boolean().default(true),
      dashboard: zod.boolean().default(true),
      logs: zod.boolean().default(true),
      traces: zod.boolean().default(true),
      availability: zod.number().gt(0.9).lt(1),
      latencyThresholdMs: zod.number().int().positive().max(60000),
      latencyTarget: zod.number().gt(0.5).lt(1),
      sloWindow: zod.enum(['28d', '30d']),
      gpuProfile: zod.enum(GPU_PROFILES).default('none'),
      vaultEnabled: zod.boolean().default(true),
      vaultPolicy: zod
        .string()
        .regex(/^[a-z0-9-]+$/)
        .optional(),
      postgres: zod.boolean().default(false),
      bucket: zod.boolean().default(false),
      queue: zod.boolean().default(false),
      pagerdutyServiceId: zod
        .string()
        .regex(
          /^P[A-Z0-9]{6}$/,
          'a 7-character PagerDuty service ID such as P4X9QZK',
        )
        .optional(),
    })
    // Each template adds answers of its own (language, Maven coordinates, …).
    .passthrough();

export type ServiceParameters = z.infer<
  ReturnType<typeof serviceParametersSchema>
>;

export const platformActionInput = {
  language: (zod: typeof z) => zod.enum(LANGUAGES),
  parameters: (zod: typeof z) =>
    serviceParametersSchema(zod).describe(
      "The template's form answers (pass ${{ parameters }})",
    ),
  repository: (zod: typeof z) =>
    zod
      .object({
        publishTarget: zod.string().optional(),
        githubOrganisation: zod.string().optional(),
      })
      .optional()
      .describe(
        "Where the publish step puts the repository (pass environment.parameters), for the catalog entry's project slug",
      ),
};
