import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  eventTypeFilter,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Direction,
  type Filter,
  type ReadPosition,
} from '@eventstore/db-client';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { grpc } from './grpc';
import { startEventStoreDbDouble, type EventStoreDbDouble } from './server';

/** The double seen through the client the adapter uses, for behaviour the adapter does not reach. */
describe('EventStoreDB gRPC double', () => {
  let double: EventStoreDbDouble;
  let client: EventStoreDBClient;
  let subscriptions: AllStreamSubscription[];

  beforeEach(async () => {
    double = await startEventStoreDbDouble();
    client = EventStoreDBClient.connectionString(double.connectionString);
    subscriptions = [];
  });
  afterEach(async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
    await client.dispose();
    await double.stop();
  });

  const append = (stream: string, ...types: string[]) =>
    client.appendToStream(stream, types.map((type) => jsonEvent({ type, data: {} })));

  async function readAll(fromPosition: ReadPosition, direction: Direction = FORWARDS): Promise<string[]> {
    const types: string[] = [];
    for await (const resolved of client.readAll({ fromPosition, direction })) types.push(resolved.event?.type ?? '?');
    return types;
  }

  function subscribe(fromPosition: ReadPosition, filter?: Filter) {
    const subscription = client.subscribeToAll({ fromPosition, filter });
    subscriptions.push(subscription);
    const received: string[] = [];
    subscription.on('data', (resolved: AllStreamResolvedEvent) => received.push(`${resolved.event?.streamId}/${resolved.event?.type}`));
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    return { received, caughtUp };
  }

  const eventually = async (check: () => void) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return check();
      } catch (error) {
        if (attempt === 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };

  it('reads $all forwards from a position inclusive and backwards from it exclusive, as the server does', async () => {
    await append('s', 'A', 'B', 'C');
    const positions: ReadPosition[] = [];
    for await (const resolved of client.readAll()) if (resolved.event?.position) positions.push(resolved.event.position);

    expect(await readAll(positions[1])).toEqual(['B', 'C']);
    expect(await readAll(positions[1], BACKWARDS)).toEqual(['A']);
    expect(await readAll(END)).toEqual([]);
    expect(await readAll(END, BACKWARDS)).toEqual(['C', 'B', 'A']);
    expect(await readAll(START, BACKWARDS)).toEqual([]);
  });

  it('gives each event of an append the commit position of the append and its own prepare position', async () => {
    const { position } = await append('s', 'A', 'B');
    const events = [];
    for await (const resolved of client.readStream('s')) events.push(resolved.event);

    expect(events.map((e) => e?.position?.commit)).toEqual([position?.commit, position?.commit]);
    expect(events[1]?.position).toEqual(position);
    expect(events[0]?.position?.prepare).toBeLessThan(events[1]?.position?.prepare ?? 0n);
  });

  it('reads a stream backwards from a revision past its end as from its last event', async () => {
    await append('s', 'A', 'B');
    const types: string[] = [];
    for await (const resolved of client.readStream('s', { direction: BACKWARDS, fromRevision: 10n })) types.push(resolved.event?.type ?? '?');
    expect(types).toEqual(['B', 'A']);
  });

  it('refuses a retry that matches only part of an append made with expected revision any', async () => {
    const first = jsonEvent({ type: 'A', data: {} });
    await client.appendToStream('s', [first, jsonEvent({ type: 'B', data: {} })]);
    await expect(client.appendToStream('s', [first, jsonEvent({ type: 'C', data: {} })])).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('answers a subscription with a confirmation, the catch-up, caught_up, then live events', async () => {
    await append('a', 'A1');
    const { received, caughtUp } = subscribe(START);
    await caughtUp;
    expect(received).toEqual(['a/A1']);

    await append('b', 'B1');
    await eventually(() => expect(received).toEqual(['a/A1', 'b/B1']));
  });

  it('starts a subscription from the end with live events only', async () => {
    await append('a', 'A1');
    const { received, caughtUp } = subscribe(END);
    await caughtUp;
    await append('a', 'A2');
    await eventually(() => expect(received).toEqual(['a/A2']));
  });

  it.each([
    ['stream name regex', streamNameFilter({ regex: '^doc-[0-9]+$' }), ['doc-1/Created', 'doc-2/Signed']],
    ['stream name prefixes', streamNameFilter({ prefixes: ['task-', 'doc-2'] }), ['task-1/Created', 'doc-2/Signed']],
    ['event type prefixes', eventTypeFilter({ prefixes: ['Sig'] }), ['doc-2/Signed']],
    ['event type regex (unanchored)', eventTypeFilter({ regex: 'eate' }), ['doc-1/Created', 'task-1/Created']],
  ])('filters subscriptions by %s', async (_, filter, expected) => {
    await append('doc-1', 'Created');
    await append('task-1', 'Created');
    await append('doc-x', 'Noted');
    await append('doc-2', 'Signed');

    const { received, caughtUp } = subscribe(START, filter);
    await caughtUp;

    expect(received).toEqual(expected);
  });

  it('refuses subscriptions to a single stream, which it does not implement', async () => {
    const subscription = client.subscribeToStream(`s-${randomUUID()}`);
    await expect(new Promise((_, reject) => subscription.once('error', reject))).rejects.toMatchObject({
      message: expect.stringContaining('only supports subscriptions to $all'),
    });
  });

  it.each([
    [false, ['Read', 'Append', 'GetSupportedMethods']],
    [true, ['Read', 'Append', 'BatchAppend', 'GetSupportedMethods']],
  ])('advertises the methods it serves (batchAppend: %s)', async (batchAppend, methods) => {
    const other = await startEventStoreDbDouble({ batchAppend });
    const features = new ServerFeaturesClient(other.connectionString.replace(/^esdb:\/\/([^?]+).*$/, '$1'), grpc.credentials.createInsecure());
    try {
      const supported = await new Promise<SupportedMethods>((resolve, reject) =>
        features.getSupportedMethods(new Empty(), (error, response) => (error ? reject(error) : resolve(response))),
      );
      expect(supported.getMethodsList().map((method) => method.getMethodName())).toEqual(methods);
    } finally {
      features.close();
      await other.stop();
    }
  });
});
