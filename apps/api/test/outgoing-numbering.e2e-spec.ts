import { CommandHandler } from '@app/command-handling';
import { Actor, registerDecider, registerStream } from '@app/domain';
import { vietnamLocalDate } from '@app/working-time';
import { Clock } from '../src/outgoing/clock';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, RESULT, Result, succeed } from './incoming-fixtures';
import { OUTGOING_DOCUMENT, signedDocument } from './outgoing-fixtures';

const NUMBER = `mutation($id: ID!, $commandId: ID) { numberOutgoingDocument(documentId: $id, commandId: $commandId) ${RESULT} }`;
const REGISTER_PAGE = `query($agency: String!, $year: Int!, $p: String) {
  outgoingRegister(agencyCode: $agency, year: $year, consistentWith: $p) { totalCount edges { node { documentId number numberAndNotation issuedDate identifier } } }
}`;

interface Numbered {
  number: number;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  year: number;
  identifier: string;
}

/** The year of now in Vietnam: the boundary tested is the end of this year. */
const year = Number(vietnamLocalDate(new Date()).slice(0, 4));

describe('Outgoing numbering: per register and year from 01, in Vietnam time (Decree 30 Điều 15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  async function numberAt(id: string, at: string, commandId?: string): Promise<Result> {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(at));
    return succeed(t, NUMBER, { id, commandId }, 'vanthu.snv');
  }

  async function numbered(id: string, position: string): Promise<Numbered> {
    const res = await t.graphql<{ outgoingDocument: Numbered }>(OUTGOING_DOCUMENT, { id, p: position }, 'vanthu.snv');
    expect(res.errors).toBeUndefined();
    return res.data?.outgoingDocument as Numbered;
  }

  it('restarts at 01 on 1 January, Vietnam time: 23:30 on 31 December and 00:10 on 1 January are different years', async () => {
    const [a, b, c] = [await signedDocument(t), await signedDocument(t), await signedDocument(t)];

    const first = await numberAt(a, `${year}-12-31T23:30:00+07:00`);
    // 00:10 in Vietnam is still 31 December in UTC: the Vietnam date decides.
    const second = await numberAt(b, `${year}-12-31T17:10:00Z`);
    const third = await numberAt(c, `${year + 1}-01-01T00:20:00+07:00`);

    expect(await numbered(a, first.position)).toMatchObject({
      year, number: 1, codeNumber: '01', codeNotation: 'QĐ-SNV', issuedDate: `${year}-12-31`, identifier: `${AGENCY.snv}.${year}.1`,
    });
    expect(await numbered(b, second.position)).toMatchObject({
      year: year + 1, number: 1, codeNumber: '01', codeNotation: 'QĐ-SNV', issuedDate: `${year + 1}-01-01`, identifier: `${AGENCY.snv}.${year + 1}.1`,
    });
    expect(await numbered(c, third.position)).toMatchObject({
      year: year + 1, number: 2, codeNumber: '02', issuedDate: `${year + 1}-01-01`, identifier: `${AGENCY.snv}.${year + 1}.2`,
    });

    const page = (y: number) => t.graphql<{ outgoingRegister: { edges: { node: Record<string, unknown> }[] } }>(REGISTER_PAGE, { agency: AGENCY.snv, year: y, p: third.position }, 'vanthu.snv');
    expect((await page(year)).data?.outgoingRegister.edges.map((e) => e.node)).toEqual([
      { documentId: a, number: 1, numberAndNotation: '01/QĐ-SNV', issuedDate: `${year}-12-31`, identifier: `${AGENCY.snv}.${year}.1` },
    ]);
    expect((await page(year + 1)).data?.outgoingRegister.edges.map((e) => e.node.numberAndNotation)).toEqual(['01/QĐ-SNV', '02/QĐ-SNV']);
  });

  it('answers a retried numbering as the first time, taking no second number', async () => {
    const id = await signedDocument(t);
    const commandId = `number-${id}`;
    const first = await numberAt(id, `${year + 1}-01-02T09:00:00+07:00`, commandId);
    const events = await t.eventCount();
    const retry = await numberAt(id, `${year + 1}-01-02T09:01:00+07:00`, commandId);

    expect(retry).toEqual(first);
    expect(await t.eventCount()).toBe(events);
    expect(await numbered(id, first.position)).toMatchObject({ number: 3, codeNumber: '03' });
  });

  it('reuses the number an attempt that died after taking it got, whatever the command id of the retry', async () => {
    const id = await signedDocument(t);
    const clerk: Actor = { username: 'vanthu.snv', fullName: 'Trần Thị Thư', agencyCode: AGENCY.snv, unitId: 'snv-vp', roles: ['CLERK'] };
    const at = `${year + 1}-01-03T08:30:00+07:00`;
    // The first attempt took number 4 of the register, then the process died; someone else took 5 meanwhile.
    const take = (documentId: string) =>
      t.app.get(CommandHandler).handle({
        streamId: registerStream(AGENCY.snv, 'DI', year + 1),
        decider: registerDecider,
        command: { type: 'AllocateRegisterNumber', data: { agencyCode: AGENCY.snv, registerCode: 'DI', year: year + 1, kind: 'OUTGOING', documentId }, context: { actor: clerk, now: at } },
        envelope: { commandId: `crashed-${documentId}` },
        foldsFromLastEventOnly: true,
      });
    await take(id);
    await take('another-document');

    const retried = await numberAt(id, at);
    expect(await numbered(id, retried.position)).toMatchObject({ number: 4, codeNumber: '04' });
  });

  it('gives concurrent numberings consecutive numbers, each once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => signedDocument(t)));
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${year + 1}-01-05T10:00:00+07:00`));
    const results = await Promise.all(ids.map((id) => succeed(t, NUMBER, { id }, 'vanthu.snv')));
    const last = results.map((r) => r.position).sort().at(-1) as string;

    const numbers = await Promise.all(ids.map(async (id) => (await numbered(id, last)).number));
    expect([...numbers].sort((x, y) => x - y)).toEqual([6, 7, 8, 9, 10, 11]);
  });
});
