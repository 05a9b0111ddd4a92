import { randomUUID } from 'node:crypto';
import type { IncomingDocumentAssigned } from '@app/domain';
import { deriveEventId, JsonObject, NewEvent, sealEvents } from '@app/event-store';
import { commandMetadata } from '../event-metadata';

const AGENCY = '000.00.01.H41';
const LEADER = { username: 'lanhdao.snv', fullName: 'Lê Văn Đạo' };
const ASSIGNED_AT = '2025-11-14T09:12:45+07:00';

/** A leader's directive: a typical event of this system, about 500 bytes of JSON data. */
function assignedData(documentId: string): IncomingDocumentAssigned['data'] {
  return {
    documentId,
    agencyCode: AGENCY,
    assignees: [
      {
        username: 'chuyenvien.snv',
        unitId: null,
        unitIdOfUser: 'snv-th',
        fullName: 'Hoàng Văn Viên',
        role: 'LEAD',
        deadline: '2025-11-28T17:00:00+07:00',
      },
    ],
    instruction: 'Giao Phòng CCVC chủ trì, tham mưu trả lời.',
    deadline: '2025-11-28T17:00:00+07:00',
    urgency: 'URGENT',
    assignedAt: ASSIGNED_AT,
    assignedBy: LEADER,
    routedByClerk: false,
    source: null,
  };
}

/**
 * A stream written by one benchmark writer. With `sealEach`, each `next()` is the stream's next event,
 * built and sealed into its hash chain as CommandHandler does, so the client does the application's
 * work per append. Without it, the event is built and sealed once, like the baseline's row, and each
 * `next()` is a copy under a new event id: what is timed is then the store's own work (serializing,
 * the round trip, the append function), not the command handler's.
 */
export class ChainedStream {
  /** Revision of the last event appended; -1n before the first. */
  revision = -1n;
  private lastHash: string | null = null;
  private readonly documentId = randomUUID();
  private prebuilt: NewEvent | null = null;

  constructor(
    readonly streamId: string,
    private readonly sealEach = true,
  ) {}

  next(): NewEvent {
    if (this.sealEach) return this.sealed();
    this.prebuilt ??= this.sealed();
    return { ...this.prebuilt, eventId: randomUUID() };
  }

  private sealed(): NewEvent {
    const commandId = randomUUID();
    const [event] = sealEvents(this.streamId, this.revision + 1n, this.lastHash, [
      {
        eventId: deriveEventId(commandId, 0),
        type: 'IncomingDocumentAssigned',
        data: assignedData(this.documentId) as unknown as JsonObject,
        metadata: commandMetadata({ ...LEADER, role: 'LEADER', agencyCode: AGENCY }, commandId, ASSIGNED_AT),
      },
    ]);
    return event;
  }

  /** Records that `event` was stored as the stream's next revision. */
  appended(event: NewEvent): void {
    this.revision += 1n;
    this.lastHash = event.metadata.hash as string;
  }
}

/** Bytes of JSON a sample event stores (data + metadata), to size the baseline rows alike. */
export function sampleEventJson(): string {
  const event = new ChainedStream(`incoming-${randomUUID()}`).next();
  return JSON.stringify({ data: event.data, metadata: event.metadata });
}
