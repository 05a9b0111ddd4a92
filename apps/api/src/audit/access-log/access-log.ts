import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/domain';
import { AccessKind } from './access-log.types';
import { AccessLogWriter } from './access-log.writer';
import type { RequestOrigin } from './request-origin';
import { selectedFields } from './selected-fields';

/**
 * Records who read which document, what, when and from where (Phụ lục VI III.6.l). Recording is a push
 * onto the writer's queue: a read never waits for the log (see AccessLogWriter).
 */
@Injectable()
export class AccessLog {
  constructor(private readonly writer: AccessLogWriter) {}

  recordRead(actor: Actor, documentId: string, what: AccessKind, origin: RequestOrigin): void {
    this.writer.append({
      at: new Date(),
      username: actor.username,
      fullName: actor.fullName,
      roles: actor.roles,
      agencyCode: actor.agencyCode,
      documentId,
      what,
      fields: selectedFields(origin.info),
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
  }
}
