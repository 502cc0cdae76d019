import { createApiRef } from '@backstage/frontend-plugin-api';
import { DeliveryApi } from '@gogidix/plugin-delivery-common';

/**
 * The delivery backend's typed client as the app provides it (plugin.tsx).
 * It lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const deliveryApiRef = createApiRef<DeliveryApi>().with({
  id: 'plugin.delivery.api',
  pluginId: 'delivery',
});
