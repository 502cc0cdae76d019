import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Generate burn-rate rules for the chart from the OpenSLO document',
    example: `steps:
  - id: slo-rules
    action: gogidix:slo:rules
    input:
      service: listing-photos
      sourcePath: slo/openslo.yaml
      targetPath: deploy/helm/listing-photos/files/slo-rules.yaml
      labels:
        service: listing-photos
        team: listings`,
  },
];
