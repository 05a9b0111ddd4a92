import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../runtime/tokens';
import { ACCESS_LOG_TABLE, migrateAccessLog } from './access-log.schema';

/** One read of a document, as the access log stores it. */
export interface AccessLogRecord {
  readonly at: Date;
  readonly username: string;
  readonly fullName: string;
  readonly roles: readonly string[];
  readonly agencyCode: string;
  readonly documentId: string;
  readonly what: string;
  readonly fields: readonly string[];
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A flush starts this long after the first entry waiting, or as soon as a batch is full. */
export const FLUSH_INTERVAL_MS = 200;
export const BATCH_SIZE = 500;
/** After a failed write the entries stay queued and the next attempt waits this long. */
const RETRY_INTERVAL_MS = 2_000;

const COLUMNS = ['at', 'username', 'full_name', 'roles', 'agency_code', 'document_id', 'what', 'fields', 'ip', 'user_agent'];

/**
 * Buffers access-log entries in memory and writes them in batches (one multi-row INSERT per batch, one
 * batch at a time, so rows keep the order of the reads), off the request path: recording a read costs
 * a push onto an array. Shutdown writes everything still queued.
 */
@Injectable()
export class AccessLogWriter implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private pending: AccessLogRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateAccessLog(this.pool);
  }

  append(record: AccessLogRecord): void {
    this.pending.push(record);
    // A full batch goes at once (a flush drains whatever has queued up by then); otherwise the timer takes it.
    if (this.pending.length === BATCH_SIZE) void this.flush();
    else this.schedule(FLUSH_INTERVAL_MS);
  }

  /** Resolves once every entry appended before the call is stored (or, on a database error, re-queued). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  onModuleDestroy(): Promise<void> {
    return this.flush();
  }

  /**
   * Nest closes the HTTP server after the destroy hooks, so reads still finishing then are recorded after
   * onModuleDestroy's flush; this last flush (the pool is closed only after the app) stores them too.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const record of this.pending.splice(0)) this.logger.error(`Access log entry not stored: ${JSON.stringify(record)}`);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    // A queued entry never keeps the process alive; shutdown flushes it.
    this.timer.unref();
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, BATCH_SIZE);
      try {
        await this.pool.query(insertStatement(batch));
      } catch (error) {
        this.pending.unshift(...batch);
        this.logger.error(`Writing ${batch.length} access log entries failed, retrying: ${(error as Error).message}`);
        this.schedule(RETRY_INTERVAL_MS);
        return;
      }
    }
  }
}

function insertStatement(batch: readonly AccessLogRecord[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const rows = batch.map((r) => {
    const first = values.length + 1;
    values.push(r.at, r.username, r.fullName, r.roles, r.agencyCode, r.documentId, r.what, r.fields, r.ip, r.userAgent);
    return `(${COLUMNS.map((_, i) => `$${first + i}`).join(', ')})`;
  });
  return { text: `INSERT INTO ${ACCESS_LOG_TABLE} (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, values };
}
