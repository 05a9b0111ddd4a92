import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditorReadOnlyInterceptor } from '../auth/auditor-read-only.interceptor';
import { AccessLog } from './access-log/access-log';
import { AccessLogQueries } from './access-log/access-log.queries';
import { AccessLogResolver } from './access-log/access-log.resolver';
import { AccessLogWriter } from './access-log/access-log.writer';
import { RequestOriginInterceptor } from './access-log/request-origin';
import { DocumentHistoryResolver } from './document-history.resolver';
import { DocumentStreamReader } from './document-stream.reader';

/**
 * Audit (api-contract.md "Audit and history"): document history, state at an instant and hash-chain
 * verification from the event store; the access log; the AUDITOR's read-only rule. Global, so that every
 * module reading a document can record the read through AccessLog.
 */
@Global()
@Module({
  providers: [
    DocumentStreamReader,
    DocumentHistoryResolver,
    AccessLogWriter,
    AccessLog,
    AccessLogQueries,
    AccessLogResolver,
    { provide: APP_INTERCEPTOR, useClass: RequestOriginInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditorReadOnlyInterceptor },
  ],
  exports: [AccessLog],
})
export class AuditModule {}
