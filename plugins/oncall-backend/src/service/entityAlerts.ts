import { Entity } from '@backstage/catalog-model';
import { FiringAlerts, NotConfigured } from '@gogidix/plugin-oncall-common';
import { ALERT_SELECTOR_ANNOTATION } from '@gogidix/portal-common';
import { CONFIG_KEYS } from '../config';
import { AlertmanagerClient } from './AlertmanagerClient';
import { annotationKey, notConfigured } from './entityAccess';
import { entityAlertFilters } from './matchers';
import { serviceEntities } from './serviceEntities';

/** Firing alerts from Alertmanager, for the alert routes and actions. */
export class EntityAlerts {
  constructor(
    private readonly options: {
      /** Absent when `onCall.alertmanager` is not configured. */
      alertmanager?: AlertmanagerClient;
      /** The alert label naming the service. */
      serviceLabel: string;
    },
  ) {}

  /** The alerts the filters select, each linked to its entity if known. */
  async firing(
    filters: string[],
    entities: Entity[],
  ): Promise<FiringAlerts | NotConfigured> {
    const { alertmanager } = this.options;
    if (!alertmanager) {
      return notConfigured(CONFIG_KEYS.alertmanager);
    }
    const owners = serviceEntities(entities);
    return {
      status: 'ok',
      alerts: (await alertmanager.firingAlerts(filters)).map(alert => ({
        ...alert,
        entityRef: owners.get(alert.service),
      })),
    };
  }

  /**
   * The alerts of one entity (already authorized), selected by its
   * `gogidix.io/alert-selector`, which may only name its own service.
   */
  async ofEntity(entity: Entity): Promise<FiringAlerts | NotConfigured> {
    const selector = entity.metadata.annotations?.[ALERT_SELECTOR_ANNOTATION];
    if (!selector) {
      return notConfigured(annotationKey(ALERT_SELECTOR_ANNOTATION));
    }
    const filters = entityAlertFilters(selector, {
      serviceLabel: this.options.serviceLabel,
      service: entity.metadata.name,
      annotation: ALERT_SELECTOR_ANNOTATION,
    });
    return this.firing(filters, []);
  }
}
