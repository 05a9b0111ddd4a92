import { Worker } from 'node:worker_threads';

/**
 * The worker's program, plain JavaScript so that it needs no compiler: POSTs one request `count` times over
 * a keep-alive connection, one at a time, timing each from sending to the last byte, and refuses any answer
 * that differs from `expected` by a single byte.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { performance } = require('node:perf_hooks');
const { url, payload, token, count, expected } = workerData;
const reference = Buffer.from(expected);
const agent = new Agent({ keepAlive: true });
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: 'Bearer ' + token };
const post = () => new Promise((resolve, reject) => {
  const start = performance.now();
  const req = request(url, { method: 'POST', agent, headers }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => resolve({ ms: performance.now() - start, body: Buffer.concat(chunks) }));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(payload);
});
(async () => {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const { ms, body } = await post();
    if (!body.equals(reference)) throw new Error('answer ' + (i + 1) + ' differs from the checked one: ' + body.toString('utf8', 0, 200));
    samples.push(ms);
  }
  agent.destroy();
  parentPort.postMessage(samples);
})();
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
