import { vietnamLocalDate } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, receive, refusedWithoutEffect, REGISTER, register, RESULT, succeed } from './incoming-fixtures';

const OPEN = `mutation($input: OpenRegisterInput!) { openRegister(input: $input) ${RESULT} }`;
const REGISTERS = `query($agency: String!, $year: Int!, $p: String) { registers(agencyCode: $agency, year: $year, consistentWith: $p) {
  code kind name documentTypes lastNumber isDefault openedAt
} }`;

const year = Number(vietnamLocalDate(new Date()).slice(0, 4));

describe('Registers (sổ văn bản)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const qppl = (overrides: Record<string, unknown> = {}) => ({
    agencyCode: AGENCY.snv, kind: 'INCOMING', year, code: 'QPPL', name: 'Sổ văn bản quy phạm pháp luật đến', documentTypes: ['Quyết định', 'Chỉ thị'],
    ...overrides,
  });

  it('lists the default DEN and DI registers of any year before anything is opened or numbered', async () => {
    const res = await t.graphql(REGISTERS, { agency: AGENCY.snv, year: 2031 }, 'vanthu.snv');
    expect(res.errors).toBeUndefined();
    expect(res.data?.registers).toEqual([
      { code: 'DEN', kind: 'INCOMING', name: 'Sổ văn bản đến', documentTypes: [], lastNumber: 0, isDefault: true, openedAt: null },
      { code: 'DI', kind: 'OUTGOING', name: 'Sổ văn bản đi', documentTypes: [], lastNumber: 0, isDefault: true, openedAt: null },
    ]);
  });

  it('lets the clerk open a register of the year, which numbers from 1 apart from the default register', async () => {
    const opened = await succeed(t, OPEN, { input: qppl() }, 'vanthu.snv');
    expect(opened).toMatchObject({ id: 'QPPL', revision: 0 });
    await register(t, 'vanthu.snv', (await receive(t, 'vanthu.snv')).id);
    await register(t, 'vanthu.snv', (await receive(t, 'vanthu.snv')).id);
    const last = await register(t, 'vanthu.snv', (await receive(t, 'vanthu.snv')).id, 'QPPL');

    const res = await t.graphql(REGISTERS, { agency: AGENCY.snv, year, p: last.position }, 'vanthu.snv');
    expect(res.errors).toBeUndefined();
    expect(res.data?.registers).toEqual([
      expect.objectContaining({ code: 'DEN', lastNumber: 2, isDefault: true }),
      { code: 'QPPL', kind: 'INCOMING', name: 'Sổ văn bản quy phạm pháp luật đến', documentTypes: ['Quyết định', 'Chỉ thị'], lastNumber: 1, isDefault: false, openedAt: expect.stringMatching(/\+07:00$/) },
      expect.objectContaining({ code: 'DI', lastNumber: 0, isDefault: true }),
    ]);
  });

  it('refuses to open a register twice, by an officer, for another agency, or with a malformed code', async () => {
    await succeed(t, OPEN, { input: qppl({ agencyCode: AGENCY.stc, code: 'MAT' }) }, 'admin.stc');
    expect(await refusedWithoutEffect(t, () => t.graphql(OPEN, { input: qppl({ agencyCode: AGENCY.stc, code: 'MAT' }) }, 'vanthu.stc'))).toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect(await refusedWithoutEffect(t, () => t.graphql(OPEN, { input: qppl({ code: 'CV' }) }, 'chuyenvien.snv'))).toMatchObject({
      code: 'FORBIDDEN', reason: 'MISSING_ROLE',
    });
    expect(await refusedWithoutEffect(t, () => t.graphql(OPEN, { input: qppl({ code: 'CV' }) }, 'vanthu.stc'))).toMatchObject({
      code: 'FORBIDDEN', reason: 'OTHER_AGENCY',
    });
    expect(await refusedWithoutEffect(t, () => t.graphql(OPEN, { input: qppl({ code: 'sổ mới' }) }, 'vanthu.snv'))).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'code',
    });
    expect(await refusedWithoutEffect(t, () => t.graphql(REGISTERS, { agency: AGENCY.snv, year }, 'vanthu.stc'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses to register into a register never opened, before claiming the identity or taking a number', async () => {
    const clerk = 'vanthu.xahoabinh';
    const doc = await receive(t, clerk);
    const unopened = await refusedWithoutEffect(t, () => t.graphql(REGISTER, { id: doc.id, code: 'KHONGCO' }, clerk));
    expect(unopened).toMatchObject({ code: 'NOT_FOUND', registerCode: 'KHONGCO' });
    const outgoing = await refusedWithoutEffect(t, () => t.graphql(REGISTER, { id: doc.id, code: 'DI' }, clerk));
    expect(outgoing).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    // Nothing was claimed: the document still registers, as number 1.
    const registered = await register(t, clerk, doc.id);
    const res = await t.graphql<{ incomingDocument: { arrivalNumber: number } }>(
      'query($id: ID!, $p: String) { incomingDocument(id: $id, consistentWith: $p) { arrivalNumber } }',
      { id: doc.id, p: registered.position },
      clerk,
    );
    expect(res.data?.incomingDocument.arrivalNumber).toBe(1);
  });
});
