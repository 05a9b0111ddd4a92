import type { LoggerService } from '@nestjs/common';
import type { ProjectionLogger } from '@app/projection-runner';

/** Nest's own messages in the projector's JSON lines. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: ProjectionLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.info(String(message), { context });
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn(String(message), { context });
  }

  error(message: unknown, stack?: string, context?: string): void {
    this.logger.error(String(message), { stack, context });
  }
}
