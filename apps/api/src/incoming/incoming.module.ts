import { Module } from '@nestjs/common';
import { RegistersModule } from '../registers/registers.module';
import { HandlerDirectory } from './handler-directory';
import { InboxQueries } from './inbox.queries';
import { InboxResolver } from './inbox.resolver';
import { IncomingDocumentGateway } from './incoming-document.gateway';
import { IncomingDocumentQueries } from './incoming-document.queries';
import { IncomingDocumentsResolver } from './incoming-documents.resolver';
import { IncomingIntakeResolver } from './incoming-intake.resolver';
import { IncomingProcessingResolver } from './incoming-processing.resolver';
import { LinkPaperCopyUseCase } from './link-paper-copy.use-case';
import { RegisterIncomingDocumentUseCase } from './register-incoming-document.use-case';

/** Incoming documents (api-contract.md "Incoming documents"): their commands, the register and inboxes. */
@Module({
  imports: [RegistersModule],
  providers: [
    IncomingDocumentGateway,
    HandlerDirectory,
    RegisterIncomingDocumentUseCase,
    LinkPaperCopyUseCase,
    IncomingIntakeResolver,
    IncomingProcessingResolver,
    IncomingDocumentQueries,
    IncomingDocumentsResolver,
    InboxQueries,
    InboxResolver,
  ],
})
export class IncomingModule {}
