import {
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  DeliveryPeriod,
} from '@gogidix/plugin-delivery-common';
import { DeliveryStore } from '../database/DeliveryStore';

const HOUR_MS = 3_600_000;

/**
 * The events the metrics of `period` and the one before need: from the
 * previous period's start, less the failure window (a deployment before
 * it blamed for an incident in it) and the detection lookback (an alert
 * detecting its first incidents), to the period's end plus the failure
 * window (incidents after a late deployment make it a failed change).
 */
export async function readDeliveryHistory(
  store: DeliveryStore,
  entityRefs: string[],
  period: DeliveryPeriod,
  previous: DeliveryPeriod,
): Promise<DeliveryEvents> {
  const { failureWindowHours, detectionLookbackHours } =
    DEFAULT_DELIVERY_JUDGEMENT;
  const reach = (failureWindowHours + detectionLookbackHours) * HOUR_MS;
  const query = {
    from: new Date(Date.parse(previous.from) - reach).toISOString(),
    to: new Date(
      Date.parse(period.to) + failureWindowHours * HOUR_MS,
    ).toISOString(),
    entityRefs,
  };
  const [deployments, incidents, alerts] = await Promise.all([
    store.deployments(query),
    store.incidents(query),
    store.alerts(query),
  ]);
  return { deployments, incidents, alerts };
}
