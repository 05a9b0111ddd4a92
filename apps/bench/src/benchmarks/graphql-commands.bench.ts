import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_INCOMING_REGISTER_CODE } from '@app/domain';
import { vietnamLocalDate } from '@app/working-time';
import type { Benchmark, BenchContext, ResultRow } from '../benchmark';
import { GraphQLClient } from '../graphql/graphql-client';
import { IncomingOperations, REQUIRED_FIELDS } from '../graphql/incoming-operations';
import { rootFields } from '../graphql/schema-fields';
import { runCountedLoad } from '../load';
import { latencyRow, loadRow, skippedRow } from '../result-rows';

const CLIENTS = 8;
/** About this many documents get their command-to-visible latency measured. */
const VISIBILITY_SAMPLES = 50;
const VISIBILITY_TIMEOUT_MS = 15_000;
const POLL_MS = 5;

interface Clerk {
  readonly agencyCode: string;
  readonly token: string;
}

/**
 * (e) The api in process, over HTTP: clients receive then register incoming documents (clerks of the
 * four demo agencies in turn); for a sample, the time from the register mutation's answer until the
 * document shows in `incomingRegister`.
 */
export const graphqlCommandsBenchmark: Benchmark = {
  id: 'e',
  title: 'GraphQL receive + register',
  timeLimitMs: (o) => 120_000 + o.documents * 400,
  async run(ctx) {
    const caseName = `receive + register, ${CLIENTS} clients`;
    const url = await ctx.server.database('graphql');
    ctx.log('(e) booting the api in process (demo province seeded)');
    // Loaded on use: the api (Nest and every module) is only needed here.
    const { ApiBootError, startApiInProcess } = await import('../graphql/api-in-process');
    const { DEMO_AGENCIES, DEMO_STAFF, demoUsername } = await import('../../../api/src/demo/demo-province');
    let api;
    try {
      api = await startApiInProcess(url);
    } catch (error) {
      if (error instanceof ApiBootError) return [skippedRow('e', caseName, error.message)];
      throw error;
    }
    try {
      const client = new GraphQLClient(api.endpoint);
      const fields = await rootFields(client);
      const missing = [
        ...REQUIRED_FIELDS.mutation.filter((name) => !fields.mutation.has(name)),
        ...REQUIRED_FIELDS.query.filter((name) => !fields.query.has(name)),
      ];
      if (missing.length > 0) return [skippedRow('e', caseName, `incoming API not available (the api has no ${missing.join(', ')})`)];
      const operations = new IncomingOperations(client, fields);
      const clerkStaff = DEMO_STAFF.find((staff) => staff.roles.includes('CLERK'));
      if (!clerkStaff) throw new Error('the demo province has no clerk');
      const clerks: Clerk[] = await Promise.all(
        DEMO_AGENCIES.map(async (agency) => ({ agencyCode: agency.code, token: await api.token(demoUsername(clerkStaff, agency)) })),
      );
      return await drive(ctx, operations, clerks, caseName);
    } finally {
      await api.close();
    }
  },
};

async function drive(ctx: BenchContext, operations: IncomingOperations, clerks: readonly Clerk[], caseName: string): Promise<ResultRow[]> {
  const count = ctx.options.documents;
  const warmup = Math.min(count, ctx.options.quick ? 8 : 40);
  const sampleEvery = Math.max(1, Math.round(count / VISIBILITY_SAMPLES));
  const year = Number(vietnamLocalDate(new Date()).slice(0, 4));
  const receiveMs: number[] = [];
  const registerMs: number[] = [];
  const visibleMs: number[] = [];
  const failures: string[] = [];
  let serial = 0;

  const document = async (sampled: boolean, measured: boolean): Promise<void> => {
    const n = ++serial;
    const clerk = clerks[n % clerks.length];
    const text = `BENCH${n}Z`;
    try {
      const t0 = performance.now();
      const received = await operations.receive(receiveInput(n, text), clerk.token);
      const t1 = performance.now();
      const registered = await operations.register(received.id, DEFAULT_INCOMING_REGISTER_CODE, clerk.token);
      const t2 = performance.now();
      if (measured) {
        receiveMs.push(t1 - t0);
        registerMs.push(t2 - t1);
      }
      if (sampled) {
        const query = { agencyCode: clerk.agencyCode, year, registerCode: DEFAULT_INCOMING_REGISTER_CODE, text };
        await waitVisible(operations, query, clerk.token, received.id, registered.position);
        if (measured) visibleMs.push(performance.now() - t2);
      }
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  };

  ctx.log(`(e) warm-up: ${warmup} documents`);
  await runCountedLoad({ concurrency: CLIENTS, count: warmup, op: (i) => document(i % 4 === 0, false) });
  const warmupFailures = failures.splice(0);
  if (warmupFailures.length > 0) throw new Error(`the warm-up failed ${warmupFailures.length} times, first: ${warmupFailures[0]}`);
  ctx.log(`(e) ${count} documents, ${CLIENTS} clients, ${Math.ceil(count / sampleEvery)} of them checked for visibility`);
  const result = await runCountedLoad({ concurrency: CLIENTS, count, op: (i) => document(i % sampleEvery === 0, true) });
  const commands = { ops: 2 * count, seconds: result.seconds, latenciesMs: [...receiveMs, ...registerMs] };
  const errors = failures.length > 0 ? { errors: failures.length, note: `first error: ${failures[0]}` } : {};
  return [
    loadRow('e', caseName, commands, {
      note: `${count} documents, ${(count / result.seconds).toFixed(1)} documents/s; ops = commands`,
      ...errors,
    }),
    latencyRow('e', 'receiveIncomingDocument latency', receiveMs),
    latencyRow('e', 'registerIncomingDocument latency', registerMs),
    latencyRow(
      'e',
      'register answered → visible in incomingRegister',
      visibleMs,
      operations.consistentWith ? 'query with consistentWith = the position returned' : `polled every ${POLL_MS} ms`,
    ),
  ];
}

/** Until `documentId` is in the register: one query when it honours consistentWith, else polling. */
async function waitVisible(
  operations: IncomingOperations,
  query: Parameters<IncomingOperations['registerIds']>[0],
  token: string,
  documentId: string,
  position: string,
): Promise<void> {
  const deadline = performance.now() + VISIBILITY_TIMEOUT_MS;
  for (;;) {
    if ((await operations.registerIds(query, token, position)).includes(documentId)) return;
    if (performance.now() > deadline) throw new Error(`document ${documentId} not in incomingRegister after ${VISIBILITY_TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

/** A document as a clerk types it in; `text` in the subject makes it findable alone. */
function receiveInput(n: number, text: string): Record<string, unknown> {
  return {
    channel: n % 3 === 0 ? 'PAPER' : 'INTERCONNECT',
    sender: { agencyCode: '000.00.00.G09', name: 'Bộ Nội vụ' },
    codeNumber: String(n),
    codeNotation: 'BNV-CCVC',
    issuedDate: vietnamLocalDate(new Date(Date.now() - 2 * 24 * 3600_000)),
    documentType: 'Công văn',
    subject: `Về việc báo cáo tình hình thực hiện chế độ, chính sách đối với cán bộ, công chức (${text})`,
    signer: { fullName: 'Nguyễn Văn An', position: 'Thứ trưởng' },
    urgency: n % 5 === 0 ? 'URGENT' : 'NORMAL',
    confidentiality: 'NONE',
    dueDate: null,
    attachments: [
      { fileName: `cv-${n}.pdf`, mediaType: 'application/pdf', sizeBytes: 245_760, sha256: 'ab'.repeat(32) },
    ],
  };
}
