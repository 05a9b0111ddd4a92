import type { DelegationGranted, DelegationRevoked } from '@app/domain';
import { staffStream } from '@app/domain';
import { EventLog } from '../testing/event-log';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { delegationsProjection as projection } from './delegations.projection';

const AGENCY = '000.00.01.H41';

const granted: DelegationGranted = {
  type: 'DelegationGranted',
  data: {
    delegationId: 'd-1',
    username: 'lanhdao.snv',
    fullName: 'Lê Văn Đạo',
    agencyCode: AGENCY,
    delegate: { username: 'truongphong.snv', fullName: 'Phạm Thị Phương' },
    actions: ['APPROVE_RELEASE', 'SIGN'],
    validFrom: '2026-12-01T00:00:00+07:00',
    validTo: '2026-12-15T00:00:00+07:00',
    basis: 'Giấy ủy quyền số 12/GUQ-SNV',
    grantedAt: '2026-11-30T16:00:00+07:00',
  },
};
const revoked: DelegationRevoked = {
  type: 'DelegationRevoked',
  data: { delegationId: 'd-1', username: 'lanhdao.snv', agencyCode: AGENCY, reason: 'Giám đốc đã trở lại', revokedAt: '2026-12-05T08:00:00+07:00' },
};

describe('delegations projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_delegations');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const table = () => db.rows('SELECT * FROM rm_delegations.delegations ORDER BY delegation_id');

  it('holds each delegation as granted, then its revocation', async () => {
    const events = log.append(staffStream('lanhdao.snv'), granted, revoked);
    await db.apply(projection, events.slice(0, 1));
    expect(await table()).toEqual([
      {
        delegation_id: 'd-1',
        agency_code: AGENCY,
        delegator: 'lanhdao.snv',
        delegator_full_name: 'Lê Văn Đạo',
        delegate: 'truongphong.snv',
        delegate_full_name: 'Phạm Thị Phương',
        actions: ['APPROVE_RELEASE', 'SIGN'],
        valid_from: new Date('2026-12-01T00:00:00+07:00'),
        valid_to: new Date('2026-12-15T00:00:00+07:00'),
        basis: 'Giấy ủy quyền số 12/GUQ-SNV',
        granted_at: new Date('2026-11-30T16:00:00+07:00'),
        revoked_at: null,
        revoke_reason: null,
      },
    ]);
    await db.apply(projection, events.slice(1));
    expect(await table()).toEqual([
      expect.objectContaining({ revoked_at: new Date('2026-12-05T08:00:00+07:00'), revoke_reason: 'Giám đốc đã trở lại' }),
    ]);
  });

  it('changes nothing when replayed, in a batch or one by one', async () => {
    const events = log.append(staffStream('lanhdao.snv'), granted, revoked);
    await db.apply(projection, events);
    const once = await table();
    await db.apply(projection, events);
    await db.apply(projection, events, 'one-by-one');
    expect(await table()).toEqual(once);
  });
});
