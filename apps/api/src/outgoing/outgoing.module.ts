import { Module } from '@nestjs/common';
import { DeliveriesResolver } from '../delivery/deliveries.resolver';
import { DeliveryQueries } from '../delivery/deliveries.queries';
import { HandlerDirectory } from '../incoming/handler-directory';
import { RegistersModule } from '../registers/registers.module';
import { AgencyDirectory } from './agency-directory';
import { Clock } from './clock';
import { IssueDeadline } from './issue-deadline';
import { NumberOutgoingDocumentUseCase } from './number-outgoing-document.use-case';
import { OutgoingDocumentGateway } from './outgoing-document.gateway';
import { OutgoingDocumentQueries } from './outgoing-document.queries';
import { OutgoingDocumentsResolver } from './outgoing-documents.resolver';
import { OutgoingDraftingResolver } from './outgoing-drafting.resolver';
import { OutgoingReleaseResolver } from './outgoing-release.resolver';

/** Outgoing documents (api-contract.md "Outgoing documents"): drafting to issue and recall, the register, deliveries. */
@Module({
  imports: [RegistersModule],
  providers: [
    Clock,
    OutgoingDocumentGateway,
    AgencyDirectory,
    HandlerDirectory,
    IssueDeadline,
    NumberOutgoingDocumentUseCase,
    OutgoingDraftingResolver,
    OutgoingReleaseResolver,
    OutgoingDocumentQueries,
    OutgoingDocumentsResolver,
    DeliveryQueries,
    DeliveriesResolver,
  ],
})
export class OutgoingModule {}
