import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Confidentiality, OutgoingStatus, SignerCompetence, Urgency } from '../common/enums';
import { Attachment, PersonRef } from '../incoming/incoming-document.type';

// The outgoing document as its detail page shows it (rm_outgoing_documents).

@ObjectType({ description: 'Nơi nhận' })
export class OutgoingRecipient {
  @Field(() => String, { nullable: true, description: 'Mã định danh; null for an addressee without one' }) agencyCode!: string | null;
  @Field() name!: string;
  @Field({ description: 'How recordDeliveryStatus and deliveries name it: the agency code, or NAME:<name> without one' }) recipientKey!: string;
  @Field(() => Boolean, { nullable: true, description: 'An agency of this system (receives it liên thông); null before issue' })
  inSystem!: boolean | null;
}

@ObjectType({ description: 'A return of the draft to its drafter, with the comments' })
export class DraftReturn {
  @Field(() => Int, { description: 'The draft version returned' }) version!: number;
  @Field() reason!: string;
  @Field(() => Date) returnedAt!: string;
  @Field(() => PersonRef) returnedBy!: PersonRef;
}

@ObjectType({ description: 'Người ký as the document shows them' })
export class OutgoingSigner {
  @Field() username!: string;
  @Field() fullName!: string;
  @Field({ description: 'Chức vụ' }) position!: string;
  @Field(() => SignerCompetence) competence!: SignerCompetence;
}

@ObjectType({ description: "The signer's digital signature" })
export class SignerSignature {
  @Field(() => OutgoingSigner) signer!: OutgoingSigner;
  @Field(() => Date) signedAt!: Date;
  @Field() certificateSerial!: string;
  @Field() documentSha256!: string;
  @Field(() => PersonRef, { nullable: true, description: 'The approver a delegate signed for (ủy quyền)' }) onBehalfOf!: PersonRef | null;
}

@ObjectType({ description: "The agency's digital signature (Decree 30 Điều 17)" })
export class AgencySignature {
  @Field(() => Date) signedAt!: Date;
  @Field() certificateSerial!: string;
  @Field(() => PersonRef) appliedBy!: PersonRef;
}

@ObjectType({ description: 'Thu hồi' })
export class OutgoingRecall {
  @Field() reason!: string;
  @Field(() => Date) recalledAt!: Date;
  @Field(() => PersonRef) recalledBy!: PersonRef;
}

@ObjectType({ description: 'Văn bản đi' })
export class OutgoingDocument {
  @Field(() => ID) id!: string;
  @Field({ description: 'The issuing agency' }) agencyCode!: string;
  @Field(() => ID, { description: 'The drafting unit' }) unitId!: string;
  @Field(() => PersonRef) drafter!: PersonRef;
  @Field(() => Date) createdAt!: Date;
  @Field(() => OutgoingStatus) status!: OutgoingStatus;
  @Field(() => Int, { description: 'The draft version, 1 on creation' }) version!: number;
  @Field({ description: 'The document type code, e.g. QUYET_DINH' }) documentType!: string;
  @Field({ description: 'Tên loại, e.g. Quyết định' }) documentTypeName!: string;
  @Field({ description: 'Trích yếu' }) subject!: string;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => Confidentiality) confidentiality!: Confidentiality;
  @Field(() => [OutgoingRecipient]) recipients!: OutgoingRecipient[];
  @Field(() => [Attachment], { description: 'The main file first, then the annexes' }) attachments!: Attachment[];
  @Field(() => [ID]) replyToDocumentIds!: string[];
  @Field() paperCopy!: boolean;
  @Field(() => String, { nullable: true, description: 'Hạn giải quyết asked of the recipients, YYYY-MM-DD' }) dueDate!: string | null;
  @Field(() => PersonRef, { nullable: true, description: 'Who will sign' }) approver!: PersonRef | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => [DraftReturn]) returns!: DraftReturn[];
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) approvedBy!: PersonRef | null;
  @Field(() => SignerSignature, { nullable: true }) signature!: SignerSignature | null;
  @Field(() => Date, { nullable: true, description: 'When it must be issued: the signing day, at the latest the next working morning; urgent: at once' })
  issueDueAt!: Date | null;
  @Field({ description: 'Signed and still not issued after issueDueAt' }) overdue!: boolean;
  @Field(() => String, { nullable: true }) registerCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int, { nullable: true }) number!: number | null;
  @Field(() => String, { nullable: true, description: 'Số, e.g. 05' }) codeNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Ký hiệu, e.g. QĐ-SNV or SNV-VP' }) codeNotation!: string | null;
  @Field(() => String, { nullable: true, description: 'Ngày ban hành, YYYY-MM-DD' }) issuedDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Mã định danh văn bản, e.g. 000.00.01.H41.2026.7' }) identifier!: string | null;
  @Field(() => Date, { nullable: true }) numberedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) numberedBy!: PersonRef | null;
  @Field(() => AgencySignature, { nullable: true }) agencySignature!: AgencySignature | null;
  @Field(() => Date, { nullable: true }) issuedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) issuedBy!: PersonRef | null;
  @Field(() => Boolean, { nullable: true, description: 'Issued after issueDueAt' }) issuedLate!: boolean | null;
  @Field(() => OutgoingRecall, { nullable: true }) recall!: OutgoingRecall | null;
}
