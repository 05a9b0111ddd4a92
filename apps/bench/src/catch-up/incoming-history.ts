import type { IncomingDocumentReceived, IncomingDocumentRegistered, Urgency } from '@app/domain';
import { DEFAULT_INCOMING_REGISTER_CODE, incomingIdentityKey, incomingStream } from '@app/domain';
import { deriveEventId, JsonObject, NewEvent, sealEvents, uuidV5 } from '@app/event-store';
import { toVietnamIso, vietnamLocalDate } from '@app/working-time';
import { commandMetadata } from '../event-metadata';

const AGENCY_COUNT = 20;
const YEAR = 2025;
/** Fixed namespace, so a given document index always gets the same document id. */
const DOCUMENT_NAMESPACE = '3b1f6f0e-8d4c-4f6a-9a57-2f0c6c1d9e42';

const SENDERS = [
  { agencyCode: '000.00.00.G09', name: 'Bộ Nội vụ' },
  { agencyCode: '000.00.00.G12', name: 'Bộ Tài chính' },
  { agencyCode: '000.00.00.H41', name: 'Ủy ban nhân dân tỉnh Demo' },
  { agencyCode: null, name: 'Công ty TNHH Xây dựng Hòa Phát' },
  { agencyCode: '000.00.03.H41', name: 'Sở Kế hoạch và Đầu tư' },
] as const;
const KINDS = [
  { type: 'Công văn', notation: 'BNV-CCVC', subject: 'Về việc báo cáo tình hình thực hiện chế độ, chính sách đối với cán bộ, công chức' },
  { type: 'Quyết định', notation: 'QĐ-UBND', subject: 'Về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức' },
  { type: 'Kế hoạch', notation: 'KH-STC', subject: 'Triển khai công tác quyết toán ngân sách nhà nước và kiểm tra chi tiêu công' },
  { type: 'Thông báo', notation: 'TB-SKHĐT', subject: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban về tiến độ giải ngân vốn đầu tư' },
] as const;
const URGENCIES: readonly Urgency[] = ['NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'URGENT', 'NORMAL', 'VERY_URGENT', 'NORMAL'];

const agencyCode = (k: number): string => `000.00.${String(k + 1).padStart(2, '0')}.H41`;
const clerkOf = (agency: string) => ({ username: `vanthu.${agency}`, fullName: 'Trần Thị Thư' });

/** 300 days at one document every 3 minutes, repeated: every date stays inside YEAR. */
function receivedAtMs(index: number): number {
  return Date.UTC(YEAR, 0, 2, 1, 0) + ((index * 3) % (300 * 24 * 60)) * 60_000;
}

/**
 * Document `index` as received and registered (two events of one stream), shaped like the deciders'
 * events. Documents are spread over AGENCY_COUNT agencies, each numbering its own register from 1.
 */
export function documentHistory(index: number): { streamId: string; events: NewEvent[] } {
  const agency = agencyCode(index % AGENCY_COUNT);
  const clerk = clerkOf(agency);
  const documentId = uuidV5(DOCUMENT_NAMESPACE, String(index));
  const streamId = incomingStream(documentId);
  const sender = SENDERS[index % SENDERS.length];
  const kind = KINDS[index % KINDS.length];
  const receivedMs = receivedAtMs(index);
  const receivedAt = toVietnamIso(new Date(receivedMs));
  const registeredAt = toVietnamIso(new Date(receivedMs + 20 * 60_000));
  const urgency = URGENCIES[index % URGENCIES.length];
  const codeNumber = String((index % 900) + 1);
  const issuedDate = vietnamLocalDate(new Date(receivedMs - 2 * 24 * 3600_000));
  const received: IncomingDocumentReceived['data'] = {
    documentId,
    agencyCode: agency,
    channel: index % 3 === 0 ? 'PAPER' : 'INTERCONNECT',
    sender,
    codeNumber,
    codeNotation: kind.notation,
    issuedDate,
    documentType: kind.type,
    subject: `${kind.subject} (đợt ${(index % 12) + 1})`,
    signer: { fullName: 'Nguyễn Văn An', position: 'Phó Giám đốc' },
    urgency,
    confidentiality: 'NONE',
    dueDate: index % 4 === 0 ? vietnamLocalDate(new Date(receivedMs + 10 * 24 * 3600_000)) : null,
    attachments: [
      {
        fileName: `${kind.notation}-${codeNumber}.pdf`,
        mediaType: 'application/pdf',
        sizeBytes: 180_000 + (index % 97) * 1_024,
        sha256: uuidV5(DOCUMENT_NAMESPACE, `file-${index}`).replace(/-/g, '').padEnd(64, '0'),
      },
    ],
    receivedAt,
    effectiveReceivedAt: receivedAt,
    registrationDueAt: toVietnamIso(new Date(receivedMs + 24 * 3600_000)),
    urgencyDueAt: urgency === 'NORMAL' ? null : toVietnamIso(new Date(receivedMs + 2 * 3600_000)),
    source: null,
    receivedBy: clerk,
  };
  const registered: IncomingDocumentRegistered['data'] = {
    documentId,
    agencyCode: agency,
    registerCode: DEFAULT_INCOMING_REGISTER_CODE,
    year: YEAR,
    arrivalNumber: Math.floor(index / AGENCY_COUNT) + 1,
    arrivalDate: vietnamLocalDate(registeredAt),
    identityKey: incomingIdentityKey({ recipientAgencyCode: agency, sender, codeNumber, codeNotation: kind.notation, issuedDate }),
    registeredAt,
    registeredLate: false,
    registeredBy: clerk,
    source: null,
  };
  const actor = { ...clerk, role: 'CLERK' as const, agencyCode: agency };
  const event = (type: string, data: object, command: string, at: string): NewEvent => ({
    eventId: deriveEventId(command, 0),
    type,
    data: data as JsonObject,
    metadata: commandMetadata(actor, command, at),
  });
  const events = sealEvents(streamId, 0n, null, [
    event('IncomingDocumentReceived', received, uuidV5(DOCUMENT_NAMESPACE, `receive-${index}`), receivedAt),
    event('IncomingDocumentRegistered', registered, uuidV5(DOCUMENT_NAMESPACE, `register-${index}`), registeredAt),
  ]);
  return { streamId, events };
}
