import { CommandHandler as NestCommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { incomingDocumentDecider, incomingStream } from '@app/domain';
import { CommandHandler } from '@app/command-handling';
import type { Principal } from '../auth/principal';
import { ApiError, badUserInput } from '../common/api-error';
import type { CommandResult } from '../common/command-result.type';
import { IncomingDocumentGateway } from './incoming-document.gateway';

/** Records a paper document as the copy of its registered electronic original (Phú Yên Điều 5.5). */
export class LinkPaperCopyCommand {
  constructor(
    readonly actor: Principal,
    readonly documentId: string,
    readonly originalDocumentId: string,
  ) {}
}

/**
 * Reads the original's stream for its number, then decides on the copy's stream. An original of another
 * agency answers as an unknown one: the clerk learns nothing about other agencies' documents.
 */
@NestCommandHandler(LinkPaperCopyCommand)
export class LinkPaperCopyUseCase implements ICommandHandler<LinkPaperCopyCommand, CommandResult> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly incoming: IncomingDocumentGateway,
  ) {}

  async execute({ actor, documentId, originalDocumentId }: LinkPaperCopyCommand): Promise<CommandResult> {
    const { state: original } = await this.handler.state(incomingStream(originalDocumentId), incomingDocumentDecider);
    if (original.status === 'NONE' || original.document.agencyCode !== actor.agencyCode) {
      throw new ApiError('NOT_FOUND', `Incoming document ${originalDocumentId} not found`, { id: originalDocumentId, field: 'originalDocumentId' });
    }
    const registration = 'registration' in original ? original.registration : null;
    if (registration?.type !== 'REGISTERED') {
      throw badUserInput(`The original ${originalDocumentId} is ${original.status}, not a registered document with its own number`, 'originalDocumentId');
    }
    return this.incoming.decide(actor, {
      type: 'LinkPaperCopy',
      data: {
        documentId,
        originalDocumentId,
        originalArrivalNumber: registration.arrivalNumber,
        registerCode: registration.registerCode,
        year: registration.year,
      },
    });
  }
}
