import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/connection';
import { Role } from '../../common/enums';

/** What a read returned of a document. */
export enum AccessKind {
  /** incomingDocument: its metadata; `fields` tells which (e.g. `attachments`). */
  DETAIL = 'DETAIL',
  HISTORY = 'HISTORY',
  AS_OF = 'AS_OF',
  VERIFICATION = 'VERIFICATION',
}
registerEnumType(AccessKind, { name: 'AccessKind', description: 'What was read: detail, history, state at an instant, hash-chain check' });

@ObjectType({ description: 'One read of a document (nhật ký truy cập)' })
export class AccessLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field() username!: string;
  @Field() fullName!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field({ description: "The reader's agency" }) agencyCode!: string;
  @Field(() => ID) documentId!: string;
  @Field(() => AccessKind) what!: AccessKind;
  @Field(() => [String], { description: 'The fields of the document the read selected' }) fields!: string[];
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
}

export const AccessLogConnection = ConnectionType(AccessLogEntry);

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => ID) @IsString() @MinLength(1) @MaxLength(128)
  documentId!: string;
}
