import type { WorkingCalendarEvent } from '@app/domain';
import { WORKING_CALENDAR_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';

/**
 * The working calendar in force per agency (`workingCalendar(agencyCode, year)`, and the calendar every deadline
 * of the agency is computed on): its weekly sessions and the years it configured, as the last
 * WorkingCalendarChanged gave them (every event carries the whole calendar). An agency without a row uses the
 * shipped default. `position` is the global position of the event a row reflects, so a reader can load only
 * the rows changed since it last looked; it compares as a plain string, hence the "C" collation.
 */
export const calendarsProjection: ProjectionDefinition = {
  name: 'calendars',
  eventTypes: WORKING_CALENDAR_EVENT_TYPES,
  schema: [
    `CREATE TABLE IF NOT EXISTS calendars (
       agency_code text PRIMARY KEY,
       weekly_sessions jsonb NOT NULL,
       years jsonb NOT NULL,
       changed_at timestamptz NOT NULL,
       changed_by jsonb NOT NULL,
       revision bigint NOT NULL,
       position text COLLATE "C" NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS calendars_position ON calendars (position)`,
  ],
  async handle(recorded: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as WorkingCalendarEvent;
    switch (event.type) {
      case 'WorkingCalendarChanged': {
        const d = event.data;
        await tx.query(
          `INSERT INTO calendars (agency_code, weekly_sessions, years, changed_at, changed_by, revision, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (agency_code) DO UPDATE SET weekly_sessions = EXCLUDED.weekly_sessions, years = EXCLUDED.years,
             changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by, revision = EXCLUDED.revision,
             position = EXCLUDED.position
           WHERE calendars.revision < EXCLUDED.revision`,
          [
            d.agencyCode,
            JSON.stringify(d.calendar.weeklySessions),
            JSON.stringify(d.calendar.years),
            d.changedAt,
            JSON.stringify(d.changedBy),
            recorded.revision.toString(),
            recorded.position,
          ],
        );
        return;
      }
      default: {
        const _exhaustive: never = event.type;
        return _exhaustive;
      }
    }
  },
};
