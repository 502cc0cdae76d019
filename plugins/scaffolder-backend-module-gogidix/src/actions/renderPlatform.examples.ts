import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Write the platform layer of a TypeScript service from the form answers',
    example: `steps:
  - id: platform
    action: gogidix:platform:render
    input:
      language: typescript
      parameters:
        name: listing-photos
        description: Stores and resizes listing photos.
        owner: group:default/listings
        system: property-marketplace
        tier: tier-2
        lifecycle: experimental
        ciProvider: github
        registry: harbor.gogidix.dev/listings
        environments: [dev, staging, prod]
        meshEnabled: true
        canaryWeight: 10
        availability: 0.999
        latencyThresholdMs: 300
        latencyTarget: 0.99
        sloWindow: 28d
        gpuProfile: none
        vaultEnabled: true
        postgres: true
        bucket: true`,
  },
];
