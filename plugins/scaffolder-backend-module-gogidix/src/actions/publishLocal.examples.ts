import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Publish to a repository on this machine and register it',
    example: `steps:
  - id: publish
    action: gogidix:repo:publish
    input:
      owner: listings
      name: listing-photos`,
  },
];
