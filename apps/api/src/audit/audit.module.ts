import { Global, Module } from '@nestjs/common';
import { AccessLog } from './access-log/access-log';
import { AccessLogQueries } from './access-log/access-log.queries';
import { AccessLogResolver } from './access-log/access-log.resolver';
import { AccessLogWriter } from './access-log/access-log.writer';
import { DocumentHistoryResolver } from './document-history.resolver';
import { DocumentStreamReader } from './document-stream.reader';

/**
 * Audit (api-contract.md "Audit and history"): document history, state at an instant and hash-chain
 * verification from the event store; the access log. Global, so that every module reading a document can
 * record the read through AccessLog. The AUDITOR's read-only rule is the AuthGuard's (auditor-read-only.ts).
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
  ],
  exports: [AccessLog],
})
export class AuditModule {}
