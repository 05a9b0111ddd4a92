import { CommandHandler } from '@app/command-handling';
import { type EventStore, Upcasters } from '@app/event-store';
import type { ProcessManager } from '../process-manager';
import { ProcessManagerRunner, type ProcessManagerRunnerOptions } from '../process-manager-runner';
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

/**
 * A runner of the liên thông managers with a command handler of its own, for a process that runs only them (the
 * projector, the crash test); the api passes its own handler to ProcessManagerRunner instead.
 */
export function standaloneInterconnectRunner(
  options: { store: EventStore; deadlines: RecipientDeadlines } & Omit<ProcessManagerRunnerOptions, 'store' | 'handler' | 'upcasters' | 'managers'>,
): ProcessManagerRunner {
  const { deadlines, ...runnerOptions } = options;
  const upcasters = new Upcasters();
  return new ProcessManagerRunner({
    ...runnerOptions,
    handler: new CommandHandler(options.store, upcasters),
    upcasters,
    managers: interconnectManagers(deadlines),
  });
}
