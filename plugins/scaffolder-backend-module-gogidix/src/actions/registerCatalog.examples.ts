import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Register the repository a GitHub publish step created',
    example: `steps:
  - id: register
    action: gogidix:catalog:register
    input:
      repoContentsUrl: https://github.com/gogidix/listing-photos/blob/main
      catalogInfoPath: /catalog-info.yaml`,
  },
];
