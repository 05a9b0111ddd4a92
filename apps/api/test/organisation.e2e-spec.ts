import request from 'supertest';
import { formatPosition } from '@app/event-store';
import { startTestApp, TestApp } from '../src/testing/test-app';

describe('Organisation directory over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lists the seeded demo province and tells who the caller is', async () => {
    const res = await t.graphql<{ agencies: { code: string; units: unknown[] }[]; me: { username: string; roles: string[] } }>(
      '{ agencies { code name units { id name } } me { username roles agencyCode } }',
      {},
      'vanthu.ubnd',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.agencies.map((a) => a.code)).toEqual(['000.00.00.H41', '000.00.01.H41', '000.00.02.H41', '000.01.00.H41']);
    expect(res.data?.agencies[0].units).toHaveLength(2);
    expect(res.data?.me).toEqual({ username: 'vanthu.ubnd', roles: ['CLERK'], agencyCode: '000.00.00.H41' });
  });

  it('refuses a request without a token, with a bad token, or for an unknown user', async () => {
    const query = '{ me { username } }';
    const none = await t.graphqlWithHeader(query, {});
    expect(none.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await t.graphqlWithHeader(query, {}, 'Bearer not-a-token');
    expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await t.graphql(query, {}, 'nobody.here');
    expect(unknown.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a request without a token before waiting for the position it names', async () => {
    // A position the read models never reach: waited for first, it would end in a consistency timeout.
    const query = `{ registers(agencyCode: "000.00.00.H41", year: 2026, consistentWith: "${formatPosition(10n ** 15n, 0n)}") { code } }`;
    const started = Date.now();
    const res = await t.graphqlWithHeader(query, {});

    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers a malformed or oversized body with BAD_USER_INPUT in JSON, never an HTML page with a stack trace', async () => {
    const server = t.app.getHttpServer();
    const malformed = await request(server).post('/graphql').set('Content-Type', 'application/json').send('{"query": "{ me { username } }"');
    const oversized = await request(server)
      .post('/graphql')
      .send({ query: '{ me { username } }', variables: { padding: 'x'.repeat(1_100_000) } });

    for (const [res, status] of [[malformed, 400], [oversized, 413]] as const) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.text).not.toMatch(/at \S+ \(|node_modules|<html/);
    }
    expect(malformed.body.errors[0].message).toMatch(/^The request body was refused: .*JSON/);
  });

  it("keeps an idle connection open longer than the proxies in front of it (65 s, not Node's 5 s)", async () => {
    const res = await request(t.app.getHttpServer()).get('/health').set('Connection', 'keep-alive');

    expect(res.headers['keep-alive']).toBe('timeout=65');
  });

  it('answers an unknown path with a JSON 404, never an HTML page with a stack trace', async () => {
    const res = await request(t.app.getHttpServer()).get('/nope');

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Cannot GET /nope', error: 'Not Found' });
  });

  it('lets the ADMIN create a unit and a staff account, then the new officer signs in', async () => {
    const unit = await t.graphql<{ createUnit: { id: string; position: string } }>(
      'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id revision position } }',
      { input: { agencyCode: '000.00.01.H41', name: 'Phòng Tổ chức biên chế', abbreviation: 'TCBC' } },
      'admin.snv',
    );
    expect(unit.errors).toBeUndefined();
    const account = await t.graphql<{ createStaffAccount: { id: string; position: string } }>(
      'mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id revision position } }',
      {
        input: {
          username: 'nguyen.van.moi', fullName: 'Nguyễn Văn Mới', position: 'Chuyên viên',
          agencyCode: '000.00.01.H41', unitId: unit.data?.createUnit.id, roles: ['OFFICER'],
        },
      },
      'admin.snv',
    );
    expect(account.errors).toBeUndefined();
    const staff = await t.graphql<{ staff: { username: string; unitId: string }[] }>(
      'query($p: String) { staff(agencyCode: "000.00.01.H41", consistentWith: $p) { username unitId } }',
      { p: account.data?.createStaffAccount.position },
      'admin.snv',
    );
    expect(staff.data?.staff).toContainEqual({ username: 'nguyen.van.moi', unitId: unit.data?.createUnit.id });
    const me = await t.graphql<{ me: { fullName: string } }>('{ me { fullName } }', {}, 'nguyen.van.moi');
    expect(me.data?.me.fullName).toBe('Nguyễn Văn Mới');
  });

  it('refuses directory changes by a non-admin or in another agency, and appends nothing', async () => {
    const before = await t.eventCount();
    const input = { agencyCode: '000.00.01.H41', name: 'Phòng X', abbreviation: 'X' };
    const clerk = await t.graphql('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input }, 'vanthu.snv');
    expect(clerk.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN_FOR_ROLE' });
    const otherAgency = await t.graphql('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input }, 'admin.stc');
    expect(otherAgency.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_AGENCY' });
    expect(await t.eventCount()).toBe(before);
  });

  it('names the invalid field and appends nothing', async () => {
    const before = await t.eventCount();
    const res = await t.graphql(
      'mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }',
      { input: { code: '12.34', name: 'Sở Mới', abbreviation: 'SM' } },
      'admin.ubnd',
    );
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(res.errors?.[0].extensions.stacktrace).toBeUndefined();
    expect(await t.eventCount()).toBe(before);
  });

  it('locks an account: its token stops working at once', async () => {
    // Signed in before: the api knows the account (and keeps it between requests).
    expect((await t.graphql('{ me { username } }', {}, 'luutru.stc')).errors).toBeUndefined();
    const lock = await t.graphql(
      'mutation { lockStaffAccount(username: "luutru.stc", reason: "Chuyển công tác") { position } }',
      {},
      'admin.stc',
    );
    expect(lock.errors).toBeUndefined();
    await t.settle();
    const res = await t.graphql('{ me { username } }', {}, 'luutru.stc');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
  });
});
