import type { ProcessManager } from '../process-manager';
import { deliveryStatusFlowBackManager } from './delivery-status-flow-back.manager';
import type { RecipientDeadlines } from './interconnect-copy';
import { interconnectDeliveryManager } from './interconnect-delivery.manager';

export { deliveryStatusFlowBackManager } from './delivery-status-flow-back.manager';
export { interconnectCopyId, type RecipientDeadlines } from './interconnect-copy';
export { interconnectDeliveryManager } from './interconnect-delivery.manager';

/** The process managers of liên thông inside the system: delivery and recall, and the status flow-back. */
export function interconnectManagers(deadlines: RecipientDeadlines): ProcessManager[] {
  return [interconnectDeliveryManager(deadlines), deliveryStatusFlowBackManager()];
}

