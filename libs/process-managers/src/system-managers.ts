import type { ProcessManager } from './process-manager';
import { receiptDeadlinesRecomputeManager, type ReceiptDeadlinesRecomputeDeps } from './calendar/receipt-deadlines-recompute.manager';
import { interconnectManagers } from './interconnect';
import type { RecipientDeadlines } from './interconnect/interconnect-copy';

/** Every process manager of the system, as the api (with RUN_PROJECTIONS) and the projector run them. */
export function systemManagers(
  deps: ReceiptDeadlinesRecomputeDeps & { readonly deadlines: RecipientDeadlines & ReceiptDeadlinesRecomputeDeps['deadlines'] },
): ProcessManager[] {
  return [...interconnectManagers(deps.deadlines), receiptDeadlinesRecomputeManager(deps)];
}
