import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badUserInput } from './api-error';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A cursor connection type for `Node` (api-contract.md "Lists are cursor connections"). */
export function ConnectionType<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${node.name}Connection`, { isAbstract: false })
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionClass;
}

/** Any read-model query may wait for the caller's own writes (api-contract.md "Common shapes"). */
@ArgsType()
export class ConsistentArgs {
  @Field(() => String, { nullable: true, description: 'A position returned by a mutation: answer only once the read models have passed it' })
  @IsOptional() @IsString() @MaxLength(64)
  consistentWith?: string;
}

@ArgsType()
export class PageArgs extends ConsistentArgs {
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(500)
  first = 50;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200)
  after?: string;
}

/** Cursors are opaque to clients: base64url of the JSON sort key of the last row. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw badUserInput('Invalid cursor', 'after');
  }
}

/** Builds a connection from `first + 1` fetched rows (the extra one tells whether a next page exists). */
export function toConnection<T>(rows: T[], first: number, totalCount: number, key: (row: T) => unknown): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
