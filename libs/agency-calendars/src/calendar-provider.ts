import type { Pool } from 'pg';
import { DEFAULT_AGENCY_CALENDAR, type PersonRef } from '@app/domain';
import { WorkingCalendar, type WorkingCalendarData } from '@app/working-time';

/** An agency's own calendar, as the calendars read model holds it. */
export interface AgencyCalendar {
  readonly data: WorkingCalendarData;
  readonly calendar: WorkingCalendar;
  /** Revision of the agency's `calendar-<code>` stream. */
  readonly revision: number;
  readonly changedAt: Date;
  readonly changedBy: PersonRef;
}

interface CalendarRow {
  agency_code: string;
  weekly_sessions: WorkingCalendarData['weeklySessions'];
  years: WorkingCalendarData['years'];
  changed_at: Date;
  changed_by: PersonRef;
  revision: string;
  position: string;
}

/** How often each process looks for calendars changed elsewhere (one indexed query that usually returns nothing). */
const REFRESH_MS = 1000;

/**
 * The working calendar of each agency (architecture.md §7: per agency configuration, defaults shipped in the
 * repo): the agency's row of the calendars read model, else the shipped calendar (Monday to Friday 08:00–12:00
 * and 13:00–17:00 with the fixed-date national holidays of every year).
 *
 * Deadlines are computed synchronously in many places, so the calendars are cached in memory, compiled. The
 * cache follows the read model's high-water mark rather than a TTL: every second (and on each `refresh()`) it
 * loads the rows whose position is past the last one loaded, so a change reaches every process within about
 * a second of its projection and costs nothing while calendars stay put. `refresh()` on demand gives a client
 * that just changed the calendar read-your-writes for its deadlines.
 *
 * Used by the api and by the projector's process managers; each starts and stops it with its own lifecycle.
 */
export class CalendarProvider {
  private readonly shipped = WorkingCalendar.fromData(DEFAULT_AGENCY_CALENDAR);
  private readonly agencies = new Map<string, AgencyCalendar>();
  private loadedUpTo: string | null = null;
  /** Loads run one after another, so each caller waits for a load that started after its call. */
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  /** `onRefreshFailure`: a periodic refresh failed (the cache keeps what it has and the next tick tries again). */
  constructor(
    private readonly pool: Pool,
    private readonly onRefreshFailure: (error: unknown) => void = () => undefined,
  ) {}

  /** Loads the calendars (the read model must exist), then follows changes until stop(). */
  async start(): Promise<void> {
    await this.refresh();
    if (this.timer) return;
    this.timer = setInterval(() => this.refresh().catch(this.onRefreshFailure), REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  forAgency(agencyCode: string): WorkingCalendar {
    return this.agencies.get(agencyCode)?.calendar ?? this.shipped;
  }

  /** The agency's own calendar, or null while it uses the shipped one. */
  configured(agencyCode: string): AgencyCalendar | null {
    return this.agencies.get(agencyCode) ?? null;
  }

  /** Loads the calendars changed in the read model since the last load. */
  refresh(): Promise<void> {
    const load = this.queue.then(() => this.loadChanged());
    this.queue = load.catch(() => undefined);
    return load;
  }

  private async loadChanged(): Promise<void> {
    const { rows } = await this.pool.query<CalendarRow>(
      `SELECT agency_code, weekly_sessions, years, changed_at, changed_by, revision, position FROM rm_calendars.calendars
       WHERE $1::text IS NULL OR position > $1::text ORDER BY position`,
      [this.loadedUpTo],
    );
    for (const row of rows) {
      const data: WorkingCalendarData = { weeklySessions: row.weekly_sessions, years: row.years };
      this.agencies.set(row.agency_code, {
        data,
        calendar: WorkingCalendar.fromData(data),
        revision: Number(row.revision),
        changedAt: row.changed_at,
        changedBy: row.changed_by,
      });
      this.loadedUpTo = row.position;
    }
  }
}
