import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** How often every entity's runbooks are re-indexed. */
      runbooks?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
