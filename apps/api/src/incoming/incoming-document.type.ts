import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AssignmentRole, Confidentiality, IncomingStatus, ReceiptChannel, RejectionReason, Urgency } from '../common/enums';
import { ConnectionType } from '../common/connection';

// The incoming document as its detail page and the incoming register show it (rm_incoming_documents).

@ObjectType()
export class PersonRef {
  @Field() username!: string;
  @Field() fullName!: string;
}

@ObjectType({ description: 'A person (username) or a unit (unitId) handling a document' })
export class HandlerRef {
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => ID, { nullable: true }) unitId!: string | null;
  @Field(() => ID, { nullable: true, description: "The person's unit" }) unitIdOfUser!: string | null;
  @Field({ description: "The person's full name or the unit's name" }) fullName!: string;
}

@ObjectType()
export class Sender {
  @Field(() => String, { nullable: true }) agencyCode!: string | null;
  @Field() name!: string;
}

@ObjectType()
export class Signer {
  @Field() fullName!: string;
  @Field() position!: string;
}

@ObjectType()
export class Attachment {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() sha256!: string;
}

@ObjectType({ description: 'One line of the directive: chủ trì, phối hợp or để biết' })
export class Assignee extends HandlerRef {
  @Field(() => AssignmentRole) role!: AssignmentRole;
  @Field(() => Date) deadline!: string;
}

@ObjectType({ description: 'Chuyển xử lý: one hand-over of the lead' })
export class Forwarding {
  @Field(() => Int) hop!: number;
  @Field(() => HandlerRef) from!: HandlerRef;
  @Field(() => HandlerRef) to!: HandlerRef;
  @Field() instruction!: string;
  @Field(() => Date) deadline!: string;
  @Field(() => PersonRef) by!: PersonRef;
  @Field(() => Date) at!: string;
}

@ObjectType({ description: 'Gia hạn' })
export class DeadlineExtension {
  @Field(() => Date) previousDeadline!: string;
  @Field(() => Date) deadline!: string;
  @Field() reason!: string;
  @Field(() => Date) extendedAt!: string;
  @Field(() => PersonRef) extendedBy!: PersonRef;
}

@ObjectType()
export class ProgressNote {
  @Field() note!: string;
  @Field(() => Date) reportedAt!: string;
  @Field(() => PersonRef) reportedBy!: PersonRef;
}

@ObjectType()
export class Rejection {
  @Field(() => RejectionReason) reason!: RejectionReason;
  @Field() note!: string;
  @Field(() => Date) rejectedAt!: Date;
  @Field(() => PersonRef) rejectedBy!: PersonRef;
}

@ObjectType()
export class Completion {
  @Field() result!: string;
  @Field(() => ID, { nullable: true }) replyDocumentId!: string | null;
  @Field(() => Date) completedAt!: Date;
  @Field(() => PersonRef) completedBy!: PersonRef;
  @Field() completedLate!: boolean;
}

@ObjectType()
export class Recall {
  @Field() reason!: string;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => PersonRef) requestedBy!: PersonRef;
  @Field(() => Date, { nullable: true }) recalledAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) recalledBy!: PersonRef | null;
  @Field(() => String, { nullable: true, description: 'Why the recall was refused, when it was' }) refusalReason!: string | null;
  @Field(() => Date, { nullable: true }) refusedAt!: Date | null;
}

@ObjectType({ description: 'Delivered from another agency of this system (the issued outgoing document)' })
export class DocumentSource {
  @Field(() => ID) outgoingDocumentId!: string;
  @Field() agencyCode!: string;
}

@ObjectType({ description: 'Văn bản đến' })
export class IncomingDocument {
  @Field(() => ID) id!: string;
  @Field({ description: 'The receiving agency' }) agencyCode!: string;
  @Field(() => ReceiptChannel) channel!: ReceiptChannel;
  @Field(() => Sender) sender!: Sender;
  @Field() codeNumber!: string;
  @Field() codeNotation!: string;
  @Field({ description: 'YYYY-MM-DD' }) issuedDate!: string;
  @Field() documentType!: string;
  @Field() subject!: string;
  @Field(() => Signer) signer!: Signer;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => Confidentiality) confidentiality!: Confidentiality;
  @Field(() => String, { nullable: true, description: 'Hạn giải quyết written on the document, YYYY-MM-DD' }) dueDate!: string | null;
  @Field(() => [Attachment]) attachments!: Attachment[];
  @Field(() => DocumentSource, { nullable: true }) source!: DocumentSource | null;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date, { description: 'receivedAt moved to the next working period when outside working hours' }) effectiveReceivedAt!: Date;
  @Field(() => Date, { description: 'When it must be registered and forwarded' }) registrationDueAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When an urgent document counts as late; null for NORMAL' }) urgencyDueAt!: Date | null;
  @Field(() => PersonRef) receivedBy!: PersonRef;
  @Field(() => IncomingStatus) status!: IncomingStatus;
  @Field(() => String, { nullable: true }) registerCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int, { nullable: true, description: "Số đến; a paper copy shows its original's" }) arrivalNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'Ngày đến, YYYY-MM-DD' }) arrivalDate!: string | null;
  @Field(() => Date, { nullable: true }) registeredAt!: Date | null;
  @Field(() => Boolean, { nullable: true }) registeredLate!: boolean | null;
  @Field(() => PersonRef, { nullable: true }) registeredBy!: PersonRef | null;
  @Field(() => ID, { nullable: true, description: 'The electronic original when this is its paper copy' }) paperCopyOf!: string | null;
  @Field(() => Rejection, { nullable: true }) rejection!: Rejection | null;
  @Field(() => PersonRef, { nullable: true }) presentedTo!: PersonRef | null;
  @Field(() => Date, { nullable: true }) presentedAt!: Date | null;
  @Field(() => [Assignee], { description: 'The directive (phân công): the lead as first given, co-operating and informed parties' })
  assignments!: Assignee[];
  @Field(() => String, { nullable: true, description: 'Bút phê' }) instruction!: string | null;
  @Field(() => Date, { nullable: true }) assignedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) assignedBy!: PersonRef | null;
  @Field(() => [Forwarding], { description: 'How the lead was handed on, in order' }) forwarding!: Forwarding[];
  @Field(() => HandlerRef, { nullable: true, description: 'Who leads now' }) lead!: HandlerRef | null;
  @Field(() => Date, { nullable: true }) leadDeadline!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The processing deadline now' }) deadline!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The processing deadline first given' }) originalDeadline!: Date | null;
  @Field(() => [DeadlineExtension]) extensions!: DeadlineExtension[];
  @Field(() => Date, { nullable: true }) processingStartedAt!: Date | null;
  @Field(() => [ProgressNote]) progress!: ProgressNote[];
  @Field(() => Completion, { nullable: true }) completion!: Completion | null;
  @Field(() => Recall, { nullable: true }) recall!: Recall | null;
  @Field({ description: 'An open obligation (registration, urgent handling, processing) is past due now' }) overdue!: boolean;
}

export const IncomingDocumentConnection = ConnectionType(IncomingDocument);
