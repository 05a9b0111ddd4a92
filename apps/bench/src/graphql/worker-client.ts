import { Worker } from 'node:worker_threads';

/**
 * The worker's program, plain JavaScript so that it needs no compiler: POSTs one request `count` times over
 * one keep-alive connection, one at a time, timing each from sending to the last byte, and refuses any
 * answer that is not a 200 whose body is `expected` byte for byte. It speaks HTTP/1.1 itself and reads into
 * one reused buffer, comparing as it reads: node:http allocates every 64 KB it reads, and that garbage made
 * the client's own garbage collector pause in ~1 timed call in 100 (the p99 the benchmark is about).
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { connect } = require('node:net');
const { performance } = require('node:perf_hooks');
const { url, payload, token, count, expected } = workerData;
const reference = Buffer.from(expected);
const target = new URL(url);
const body = Buffer.from(payload);
const request = Buffer.concat([Buffer.from('POST ' + target.pathname + ' HTTP/1.1\\r\\nHost: ' + target.host +
  '\\r\\nContent-Type: application/json\\r\\nContent-Length: ' + body.length + '\\r\\nAuthorization: Bearer ' + token +
  '\\r\\n\\r\\n'), body]);
const head = Buffer.alloc(65536);
let headLength, bodyLength, expectedLength, same, start, answered;
let failed = (error) => { throw error; };
const fail = (error) => failed(error);
const onRead = (n, buffer) => {
  let offset = 0;
  if (expectedLength < 0) {
    buffer.copy(head, headLength, 0, n);
    const end = head.subarray(0, headLength + n).indexOf('\\r\\n\\r\\n');
    if (end < 0) { headLength += n; return; }
    const text = head.toString('latin1', 0, end);
    const length = /\\r\\ncontent-length: *(\\d+)/i.exec(text);
    if (!text.startsWith('HTTP/1.1 200 ') || !length) return fail(new Error('unexpected answer: ' + text));
    expectedLength = Number(length[1]);
    offset = end + 4 - headLength;
  }
  const piece = n - offset;
  same = same && bodyLength + piece <= reference.length &&
    reference.compare(buffer, offset, n, bodyLength, bodyLength + piece) === 0;
  bodyLength += piece;
  if (bodyLength >= expectedLength) answered(performance.now() - start);
};
const socket = connect({ host: target.hostname, port: Number(target.port), onread: { buffer: Buffer.alloc(65536), callback: onRead } });
socket.on('error', fail);
const post = () => new Promise((resolve, reject) => {
  headLength = 0; bodyLength = 0; expectedLength = -1; same = true;
  answered = resolve; failed = reject;
  start = performance.now();
  socket.write(request);
});
socket.once('connect', async () => {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const ms = await post();
    if (!same || bodyLength !== reference.length) throw new Error('answer ' + (i + 1) + ' differs from the checked one');
    samples.push(ms);
  }
  socket.destroy();
  parentPort.postMessage(samples);
});
`;

export interface WorkerPosts {
  readonly endpoint: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly token: string;
  /** The answer every timed call must give, byte for byte (one answer the caller parsed and checked). */
  readonly expected: Buffer;
  readonly count: number;
}

/**
 * Response times of one GraphQL request sent `count` times by a client on a worker thread: its HTTP work
 * runs on its own event loop and heap, as a front end's runs on its own machine, not inside the api's
 * event loop that the benchmark measures.
 */
export function timedPostsFromWorker(posts: WorkerPosts): Promise<number[]> {
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: {
      url: posts.endpoint,
      payload: JSON.stringify({ query: posts.query, variables: posts.variables }),
      token: posts.token,
      count: posts.count,
      expected: new Uint8Array(posts.expected),
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (samples: number[]) => resolve(samples));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the client worker exited (code ${code}) before it answered`)));
  });
}
