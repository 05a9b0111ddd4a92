import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryStatus, OutgoingStatus, Urgency } from '../common/enums';
import { ConnectionType } from '../common/connection';
import { PersonRef } from '../incoming/incoming-document.type';
import { OutgoingRecipient, OutgoingSigner } from './outgoing-document.type';

// One line of the outgoing register (sổ đăng ký văn bản đi, Decree 30 Phụ lục IV), its 10 columns in order.

@ObjectType({ description: '(6) Đơn vị, người nhận bản lưu: the drafting unit keeps the file copy, its drafter answers for it' })
export class ArchiveCopyHolder {
  @Field(() => ID) unitId!: string;
  @Field(() => String, { nullable: true, description: 'The unit’s name in the directory' }) unitName!: string | null;
  @Field(() => PersonRef) drafter!: PersonRef;
}

@ObjectType({ description: '(9) Ký nhận: a recipient that acknowledged the document, in the exchange’s status' })
export class RecipientReceipt {
  @Field() recipientKey!: string;
  @Field() recipientName!: string;
  @Field(() => DeliveryStatus, { description: 'Its delivery status now' }) status!: DeliveryStatus;
  @Field(() => Date, { description: 'When it first answered (arrived, accepted or rejected …)' }) acknowledgedAt!: Date;
}

@ObjectType({ description: 'A line of the outgoing register (Phụ lục IV)' })
export class OutgoingRegisterEntry {
  @Field(() => ID) documentId!: string;
  @Field(() => Int, { description: 'The number in the register' }) number!: number;
  @Field({ description: '(1) Số, ký hiệu, e.g. 05/QĐ-SNV' }) numberAndNotation!: string;
  @Field() codeNumber!: string;
  @Field() codeNotation!: string;
  @Field({ description: '(2) Ngày tháng: the issue date, YYYY-MM-DD' }) issuedDate!: string;
  @Field({ description: '(3) Tên loại' }) documentTypeName!: string;
  @Field({ description: '(3) Trích yếu' }) subject!: string;
  @Field(() => OutgoingSigner, { description: '(4) Người ký' }) signer!: OutgoingSigner;
  @Field(() => [OutgoingRecipient], { description: '(5) Nơi nhận' }) recipients!: OutgoingRecipient[];
  @Field(() => ArchiveCopyHolder, { description: '(6) Đơn vị, người nhận bản lưu' }) archiveCopy!: ArchiveCopyHolder;
  @Field(() => Int, { description: '(7) Số lượng bản: one copy per recipient' }) copies!: number;
  @Field(() => Date, { nullable: true, description: '(8) Ngày chuyển: when it was issued to the recipients' }) issuedAt!: Date | null;
  @Field(() => [RecipientReceipt], { description: '(9) Ký nhận' }) receipts!: RecipientReceipt[];
  @Field({ description: '(10) Ghi chú: recall, late issue, paper copy' }) note!: string;
  @Field(() => OutgoingStatus) status!: OutgoingStatus;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => String, { nullable: true, description: 'Mã định danh văn bản' }) identifier!: string | null;
}

export const OutgoingRegisterConnection = ConnectionType(OutgoingRegisterEntry);
