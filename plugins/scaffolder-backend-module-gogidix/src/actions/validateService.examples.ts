import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the chart for each environment, the rules and the Terraform',
    example: `steps:
  - id: validate
    action: gogidix:service:validate
    input:
      chartPath: deploy/helm/listing-photos
      environments: [dev, staging, prod]`,
  },
];
