import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';
import { ChainedStream } from './sample-event';

/** Appends `event` as the next event of `stream`, expecting exactly `stream.revision` (-1n: no stream yet). */
export type AppendOne = (stream: ChainedStream, event: NewEvent) => Promise<void>;

/**
 * The append workload of (b) and (c): each writer appends one event at a time to its own stream,
 * with the exact expected revision. `create()` writes each stream's first event before the clock
 * runs, so every measured append is an append to an existing stream.
 */
export class WriterStreams {
  private readonly streams: ChainedStream[];

  /** `sealEach`: see ChainedStream. */
  constructor(
    writers: number,
    private readonly append: AppendOne,
    sealEach: boolean,
  ) {
    this.streams = Array.from({ length: writers }, () => new ChainedStream(`incoming-${randomUUID()}`, sealEach));
  }

  async create(): Promise<void> {
    await Promise.all(this.streams.map((stream) => this.appendTo(stream)));
  }

  appendNext(worker: number): Promise<void> {
    return this.appendTo(this.streams[worker]);
  }

  private async appendTo(stream: ChainedStream): Promise<void> {
    const event = stream.next();
    await this.append(stream, event);
    stream.appended(event);
  }
}
