import { ConsoleLogger } from '@nestjs/common';

/** Structured JSON logs, one object per line (architecture.md §6). */
export class JsonLogger extends ConsoleLogger {
  constructor() {
    super({ json: true, colors: false });
  }
}
