import type { Actor } from '@app/domain';
import { agencyDecider, agencyStream, staffAccountDecider, staffStream } from '@app/domain';
import type { CommandHandler } from '@app/command-handling';
import { toVietnamIso } from '@app/working-time';
import { DEMO_AGENCIES, DEMO_STAFF, demoUnitId, demoUsername } from './demo-province';

/** The directory's founding actor: it administers the agency it sets up. */
const founder = (agencyCode: string): Actor => ({
  username: 'system', fullName: 'Khởi tạo hệ thống', agencyCode, unitId: null, roles: ['ADMIN'],
});

/**
 * Seeds the demo province through the same command handler as the API (so it is ordinary history,
 * with metadata and hash chain). Command ids are fixed: running it twice appends nothing new.
 */
export async function seedDemoProvince(handler: CommandHandler, now = new Date()): Promise<void> {
  const context = (agencyCode: string) => ({ actor: founder(agencyCode), now: toVietnamIso(now) });
  for (const agency of DEMO_AGENCIES) {
    await handler.handle({
      streamId: agencyStream(agency.code),
      decider: agencyDecider,
      envelope: { commandId: `seed:agency:${agency.code}` },
      command: {
        type: 'RegisterAgency',
        data: { code: agency.code, name: agency.name, abbreviation: agency.abbreviation, parentCode: agency.parentCode },
        context: context(agency.code),
      },
    });
    for (const unit of agency.units) {
      const unitId = demoUnitId(agency, unit.key);
      await handler.handle({
        streamId: agencyStream(agency.code),
        decider: agencyDecider,
        envelope: { commandId: `seed:unit:${unitId}` },
        command: { type: 'CreateUnit', data: { agencyCode: agency.code, unitId, name: unit.name, abbreviation: unit.abbreviation }, context: context(agency.code) },
      });
    }
    for (const staff of DEMO_STAFF) {
      const username = demoUsername(staff, agency);
      await handler.handle({
        streamId: staffStream(username),
        decider: staffAccountDecider,
        envelope: { commandId: `seed:staff:${username}` },
        command: {
          type: 'CreateStaffAccount',
          data: {
            username, fullName: staff.fullName, position: staff.position, agencyCode: agency.code,
            unitId: staff.unitKey && demoUnitId(agency, staff.unitKey), roles: staff.roles,
          },
          context: context(agency.code),
        },
      });
    }
  }
}
