import { type Delegation, delegationCovers } from './delegation';

describe('delegationCovers', () => {
  const delegation: Delegation = {
    delegationId: 'd-1',
    delegate: { username: 'pct_tranthid', fullName: 'Trần Thị D' },
    actions: ['SIGN'],
    validFrom: '2026-12-01T00:00:00+07:00',
    validTo: '2026-12-15T00:00:00+07:00',
    basis: 'Giấy ủy quyền số 12/GUQ-UBND',
    revokedAt: null,
  };

  it('covers its actions within [validFrom, validTo), whatever the offset of the instant', () => {
    expect(delegationCovers(delegation, 'SIGN', '2026-12-01T00:00:00+07:00')).toBe(true);
    expect(delegationCovers(delegation, 'SIGN', '2026-12-14T16:59:59Z')).toBe(true);
    expect(delegationCovers(delegation, 'SIGN', '2026-12-15T00:00:00+07:00')).toBe(false);
    expect(delegationCovers(delegation, 'SIGN', '2026-11-30T16:59:59Z')).toBe(false);
  });

  it('covers nothing else, and nothing once revoked', () => {
    expect(delegationCovers(delegation, 'APPROVE_RELEASE', '2026-12-05T09:00:00+07:00')).toBe(false);
    expect(delegationCovers({ ...delegation, revokedAt: '2026-12-03T09:00:00+07:00' }, 'SIGN', '2026-12-05T09:00:00+07:00')).toBe(false);
  });
});
