import { vietnamLocalDate } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, receive, REGISTER, Result } from './incoming-fixtures';

const DOCUMENTS = 200;
const CONCURRENCY = 50;

describe('Concurrent registrations into one register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(`numbers ${DOCUMENTS} documents registered ${CONCURRENCY} at a time 1..${DOCUMENTS}, each number exactly once`, async () => {
    const clerk = 'vanthu.stc';
    const ids: string[] = [];
    for (let i = 0; i < DOCUMENTS; i += CONCURRENCY) {
      const batch = await Promise.all(Array.from({ length: Math.min(CONCURRENCY, DOCUMENTS - i) }, () => receive(t, clerk)));
      ids.push(...batch.map((doc) => doc.id));
    }

    const results: Result[] = [];
    for (let i = 0; i < ids.length; i += CONCURRENCY) {
      const responses = await Promise.all(
        ids.slice(i, i + CONCURRENCY).map((id) => t.graphql<{ registerIncomingDocument: Result }>(REGISTER, { id }, clerk)),
      );
      for (const res of responses) {
        expect(res.errors).toBeUndefined();
        results.push(res.data?.registerIncomingDocument as Result);
      }
    }
    const last = results.map((r) => r.position).sort().at(-1);

    const year = Number(vietnamLocalDate(new Date()).slice(0, 4));
    const res = await t.graphql<{ incomingRegister: { totalCount: number; edges: { node: { id: string; arrivalNumber: number } }[] } }>(
      `query($p: String, $year: Int!) { incomingRegister(agencyCode: "${AGENCY.stc}", year: $year, first: 500, consistentWith: $p) {
         totalCount edges { node { id arrivalNumber } } } }`,
      { p: last, year },
      clerk,
    );
    expect(res.errors).toBeUndefined();
    const numbers = res.data?.incomingRegister.edges.map((e) => e.node.arrivalNumber);
    expect(numbers).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => i + 1));
    expect(new Set(res.data?.incomingRegister.edges.map((e) => e.node.id))).toEqual(new Set(ids));

    const registers = await t.graphql<{ registers: { code: string; lastNumber: number }[] }>(
      `query($p: String, $year: Int!) { registers(agencyCode: "${AGENCY.stc}", year: $year, consistentWith: $p) { code lastNumber } }`,
      { p: last, year },
      clerk,
    );
    expect(registers.data?.registers).toContainEqual({ code: 'DEN', lastNumber: DOCUMENTS });
  }, 180_000);
});
