import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsInstant } from '../calendar/time-validators';
import { DocumentKind, Role } from '../common/enums';
import { DocumentIdArgs } from '../incoming/incoming-document.args';
import type { DocumentKindName } from './document-kinds';

// The audit's view of a document (api-contract.md "Audit and history"): its events exactly as stored.

/** Compile-time check that the enum names every kind the audit reads. */
const _kindsCovered: [DocumentKindName] extends [`${DocumentKind}`] ? true : never = true;

@ObjectType({ description: 'Who acted, as the event metadata records it' })
export class EventActor {
  @Field() username!: string;
  @Field() fullName!: string;
  @Field(() => Role, { nullable: true, description: 'The role the actor acted in' }) role!: Role | null;
  @Field(() => [Role]) roles!: Role[];
  @Field() agencyCode!: string;
}

@ObjectType({ description: 'One stored event of a document, as stored (data and metadata are not upcast)' })
export class DocumentHistoryEvent {
  @Field(() => Int, { description: '0-based revision in the document stream' }) revision!: number;
  @Field({ description: 'Global position in the event store' }) position!: string;
  @Field(() => ID) eventId!: string;
  @Field() type!: string;
  @Field(() => Date, { nullable: true, description: 'When it happened (metadata occurredAt)' }) occurredAt!: string | null;
  @Field(() => Date, { description: 'When the store recorded it' }) recordedAt!: Date;
  @Field(() => EventActor, { nullable: true }) actor!: EventActor | null;
  @Field(() => EventActor, { nullable: true, description: 'The principal a delegate acted for (ủy quyền)' }) onBehalfOf!: EventActor | null;
  @Field({ description: 'A readable Vietnamese sentence' }) summary!: string;
  @Field(() => GraphQLJSON) data!: unknown;
  @Field(() => GraphQLJSON, { description: 'All metadata as stored, hash included' }) metadata!: unknown;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @Field(() => String, { nullable: true, description: 'The command or event that caused this one (a process manager names its cause here)' })
  causationId!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => Int, { nullable: true }) schemaVersion!: number | null;
  @Field(() => String, { nullable: true }) hash!: string | null;
  @Field(() => String, { nullable: true }) previousHash!: string | null;
}

@ObjectType({ description: 'The hash chain of a document stream, recomputed from the stored events' })
export class DocumentHistoryVerification {
  @Field(() => ID) documentId!: string;
  @Field() streamId!: string;
  @Field() valid!: boolean;
  @Field(() => Int) eventCount!: number;
  @Field(() => Int, { nullable: true, description: 'The first revision altered, removed, reordered or inserted' }) brokenAtRevision!: number | null;
  @Field(() => String, { nullable: true, description: 'Hash of the last event: keep it to detect a later truncation' }) lastHash!: string | null;
}

@ObjectType({ description: 'The document as it was at an instant, folded from its events by the same rules as the write side' })
export class DocumentSnapshot {
  @Field(() => ID) documentId!: string;
  @Field(() => DocumentKind) kind!: DocumentKindName;
  @Field(() => Date) asOf!: string;
  @Field(() => Int, { description: 'Revision of the last event folded' }) revision!: number;
  @Field(() => Date, { nullable: true, description: 'When the last event folded happened' }) lastEventAt!: string | null;
  @Field() status!: string;
  @Field(() => GraphQLJSON, { description: 'The state as the decider holds it (status included)' }) state!: unknown;
}

@ArgsType()
export class DocumentAsOfArgs extends DocumentIdArgs {
  @Field(() => Date, { description: 'The instant, ISO 8601 with offset' }) @IsInstant()
  at!: string;
}
