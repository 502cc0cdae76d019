import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Stop unless the name is free and the owner exists',
    example: `steps:
  - id: check
    action: gogidix:catalog:check
    input:
      name: listing-photos
      owner: group:default/listings
      system: property-marketplace`,
  },
];
