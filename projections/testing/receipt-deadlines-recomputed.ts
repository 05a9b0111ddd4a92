import type { IncomingReceiptDeadlinesRecomputed } from '@app/domain';
import { incomingStream } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { EventLog } from './event-log';
import { AGENCY } from './incoming-fixtures';

type Data = IncomingReceiptDeadlinesRecomputed['data'];

/**
 * Appends the recompute of a document's receipt instants after a calendar change (the fixtures' document was
 * received on Tuesday 4 March 2025 at 08:15, due 16:45 that day).
 */
export function receiptDeadlinesRecomputed(
  log: EventLog,
  documentId: string,
  instants: Pick<Data, 'effectiveReceivedAt' | 'registrationDueAt' | 'urgencyDueAt'>,
  previous: Partial<Data['previous']> = {},
): RecordedEvent {
  const event: IncomingReceiptDeadlinesRecomputed = {
    type: 'IncomingReceiptDeadlinesRecomputed',
    data: {
      documentId,
      agencyCode: AGENCY,
      ...instants,
      previous: {
        effectiveReceivedAt: '2025-03-04T08:15:00+07:00',
        registrationDueAt: '2025-03-04T16:45:00+07:00',
        urgencyDueAt: null,
        ...previous,
      },
      reason: 'Tính lại theo lịch làm việc do Nguyễn Văn Quản cập nhật lúc 2025-03-04T09:00:00+07:00',
      recomputedAt: '2025-03-04T09:00:05+07:00',
      recomputedBy: { username: 'admin.snv', fullName: 'Nguyễn Văn Quản' },
    },
  };
  return log.append(incomingStream(documentId), event)[0];
}
