import { registerEnumType } from '@nestjs/graphql';

// The enums of api-contract.md, exactly as clients know them.
export enum Urgency { NORMAL = 'NORMAL', URGENT = 'URGENT', VERY_URGENT = 'VERY_URGENT', FLASH = 'FLASH' }
export enum Confidentiality { NONE = 'NONE', SECRET = 'SECRET', TOP_SECRET = 'TOP_SECRET', ABSOLUTE_SECRET = 'ABSOLUTE_SECRET' }
export enum ReceiptChannel { INTERCONNECT = 'INTERCONNECT', PAPER = 'PAPER', EMAIL = 'EMAIL', FAX = 'FAX', PORTAL = 'PORTAL' }
export enum Role {
  ADMIN = 'ADMIN', CLERK = 'CLERK', LEADER = 'LEADER', UNIT_HEAD = 'UNIT_HEAD', OFFICER = 'OFFICER', ARCHIVIST = 'ARCHIVIST', AUDITOR = 'AUDITOR',
}
export enum RegisterKind { INCOMING = 'INCOMING', OUTGOING = 'OUTGOING' }
export enum IncomingStatus {
  RECEIVED = 'RECEIVED', REJECTED = 'REJECTED', REGISTERED = 'REGISTERED', PRESENTED = 'PRESENTED', ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS', COMPLETED = 'COMPLETED', RECALL_REQUESTED = 'RECALL_REQUESTED', RECALLED = 'RECALLED',
}
export enum AssignmentRole { LEAD = 'LEAD', COORDINATE = 'COORDINATE', INFORMATION = 'INFORMATION' }
export enum RejectionReason { WRONG_RECIPIENT = 'WRONG_RECIPIENT', NOT_LEGALLY_VALID = 'NOT_LEGALLY_VALID', DUPLICATE = 'DUPLICATE', OTHER = 'OTHER' }

registerEnumType(Urgency, { name: 'Urgency', description: 'Độ khẩn: thường, Khẩn, Thượng khẩn, Hỏa tốc' });
registerEnumType(Confidentiality, { name: 'Confidentiality', description: 'Độ mật; only NONE is accepted by this system' });
registerEnumType(ReceiptChannel, { name: 'ReceiptChannel', description: 'liên thông, bản giấy, thư điện tử công vụ, fax, một cửa' });
registerEnumType(Role, { name: 'Role' });
/** What a leader may delegate (ủy quyền): assigning incoming documents, approving a draft for release, signing it. */
export enum DelegatedAction { ASSIGN = 'ASSIGN', APPROVE_RELEASE = 'APPROVE_RELEASE', SIGN = 'SIGN' }
registerEnumType(DelegatedAction, { name: 'DelegatedAction', description: 'phân công xử lý văn bản đến, duyệt ban hành, ký ban hành' });
registerEnumType(RegisterKind, { name: 'RegisterKind' });
registerEnumType(IncomingStatus, { name: 'IncomingStatus' });
registerEnumType(AssignmentRole, { name: 'AssignmentRole', description: 'chủ trì, phối hợp, để biết' });
registerEnumType(RejectionReason, { name: 'RejectionReason' });

/** `deadlines(filter: { state })`: past due, or due within the agency's due-soon horizon (one working day). */
export enum DeadlineState { DUE_SOON = 'DUE_SOON', OVERDUE = 'OVERDUE' }
/**
 * The obligation a deadline is for: of an incoming document, register and forward, urgent handling before the directive,
 * processing by the lead; of an outgoing document, issue once signed (phát hành).
 */
export enum DeadlineKind { REGISTRATION = 'REGISTRATION', URGENCY = 'URGENCY', PROCESSING = 'PROCESSING', ISSUE = 'ISSUE' }

registerEnumType(DeadlineState, { name: 'DeadlineState', description: 'sắp đến hạn, quá hạn' });
registerEnumType(DeadlineKind, { name: 'DeadlineKind' });

export enum DocumentKind { INCOMING = 'INCOMING', OUTGOING = 'OUTGOING' }
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'văn bản đến, văn bản đi' });

export enum OutgoingStatus {
  DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', RETURNED = 'RETURNED', APPROVED = 'APPROVED', SIGNED = 'SIGNED', NUMBERED = 'NUMBERED',
  SEALED = 'SEALED', ISSUED = 'ISSUED', RECALLED = 'RECALLED',
}
export enum SignerCompetence { DIRECT = 'DIRECT', TM = 'TM', KT = 'KT', TL = 'TL', TUQ = 'TUQ', Q = 'Q' }
export enum DeliveryStatus {
  PENDING = 'PENDING', SENT = 'SENT', ARRIVED = 'ARRIVED', REJECTED = 'REJECTED', ACCEPTED = 'ACCEPTED', ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS', COMPLETED = 'COMPLETED', RECALL_REQUESTED = 'RECALL_REQUESTED', RECALL_ACCEPTED = 'RECALL_ACCEPTED',
  RECALL_REFUSED = 'RECALL_REFUSED',
}

registerEnumType(OutgoingStatus, { name: 'OutgoingStatus' });
registerEnumType(SignerCompetence, { name: 'SignerCompetence', description: 'ký trực tiếp, thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'ARRIVED..COMPLETED = exchange codes 01..06; 13, 15, 16 for recall' });
/** Who reported a delivery status: the clerk, for a recipient outside the system, or the system itself (liên thông). */
export enum DeliverySource { MANUAL = 'MANUAL', INTERCONNECT = 'INTERCONNECT' }
registerEnumType(DeliverySource, { name: 'DeliverySource' });
