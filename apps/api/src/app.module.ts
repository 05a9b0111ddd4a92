import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { TOKEN_VERIFIER } from './auth/principal';
import { CONSISTENCY_GATE, CONSISTENCY_TIMEOUT_MS, ConsistencyGuard } from './common/consistency';
import { formatError } from './common/format-error';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter';
import { inputValidationPipe } from './common/validation.pipe';
import { HealthController } from './health/health.controller';
import { CommandsModule } from './commands/commands.module';
import { OrganisationModule } from './organisation/organisation.module';
import { CalendarModule } from './calendar/calendar.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { IncomingModule } from './incoming/incoming.module';
import { OutgoingModule } from './outgoing/outgoing.module';
import { ProcessManagersModule } from './delivery/process-managers.module';
import { RegistersModule } from './registers/registers.module';
import { CompiledQueryExecutor } from './runtime/compiled-query-executor';
import { JsonChunks } from './runtime/json-chunks';
import type { Platform } from './runtime/platform';
import { ENVIRONMENT, EVENT_STORE, PG_POOL, PROJECTION_STATUS, READ_MODEL_CHANGES } from './runtime/tokens';

@Module({})
export class AppModule {
  static forPlatform(platform: Platform): DynamicModule {
    const platformProviders = [
      { provide: ENVIRONMENT, useValue: platform.env },
      { provide: PG_POOL, useValue: platform.pool },
      { provide: EVENT_STORE, useValue: platform.eventStore },
      { provide: TOKEN_VERIFIER, useValue: platform.tokens },
      { provide: CONSISTENCY_GATE, useValue: platform.consistency },
      { provide: CONSISTENCY_TIMEOUT_MS, useValue: platform.env.CONSISTENCY_TIMEOUT_MS },
      { provide: PROJECTION_STATUS, useValue: platform.projections },
      { provide: READ_MODEL_CHANGES, useValue: platform.readModelChanges },
    ];
    const executor = new CompiledQueryExecutor();
    const PlatformModule = { module: class PlatformModule {}, global: true, providers: platformProviders, exports: platformProviders };
    return {
      module: AppModule,
      imports: [
        PlatformModule,
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError,
          includeStacktraceInErrorResponses: false,
          introspection: platform.env.GRAPHQL_INTROSPECTION,
          playground: false,
          // Apollo types this as answering a string; its Express integration hands the value to res.send
          // untouched, and sendJsonChunks (createApiApp) writes it buffer by buffer. See json-chunks.ts for why.
          stringifyResult: (result) => JsonChunks.of(result) as unknown as string,
          // Installed by default, it wraps every field's resolution to gather HTTP cache hints this API
          // never sets: a cost on every field of every list (a document history has thousands).
          // The executor answers operations as a plugin too (compiled-query-executor.ts).
          plugins: [ApolloServerPluginCacheControlDisabled(), executor],
          // Operations run compiled (compiled-query-executor.ts). Nest's config type leaves Apollo's gateway option out,
          // as Nest has a driver for real gateways; its Apollo driver hands every option to Apollo Server as it is.
          transformSchema: executor.useSchema,
          ...{ gateway: executor },
        }),
        CommandsModule,
        OrganisationModule,
        CalendarModule,
        RegistersModule,
        IncomingModule,
        OutgoingModule,
        DeadlinesModule,
        ProcessManagersModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [
        // Global guards run in this order; the api has no interceptors (common/consistency.ts says why).
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ConsistencyGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_PIPE, useValue: inputValidationPipe },
      ],
    };
  }
}
