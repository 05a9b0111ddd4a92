import { Injectable } from '@nestjs/common';

/**
 * The current time of outgoing-document commands. A provider rather than `new Date()`, so that a test can put
 * the clock at 31 December 23:30 (Vietnam time) and see the numbering restart with the year.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
