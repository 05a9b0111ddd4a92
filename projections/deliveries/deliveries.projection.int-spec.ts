import type { DeliveryStatus, DeliveryStatusRecorded, DomainEvent } from '@app/domain';
import { deliveryStream, exchangeCodeOf, outgoingStream, recipientKeyOf, startDeliveryTrackingData } from '@app/domain';
import {
  AGENCY,
  clerk,
  DOCUMENT_ID,
  IN_SYSTEM,
  issued,
  NAMED_KEY,
  OUTSIDE,
  person,
  T,
} from '@app/domain/outgoing-document/testing/outgoing-document.fixtures';
import { EventLog } from '../testing/event-log';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { deliveriesProjection as projection } from './deliveries.projection';

const SYSTEM = { username: 'system', fullName: 'Hệ thống liên thông' };

function trackingStarted(): DomainEvent {
  const { documentId, agencyCode, issuedAt, recipients } = startDeliveryTrackingData(issued());
  return {
    type: 'DeliveryTrackingStarted',
    data: {
      documentId,
      agencyCode,
      issuedAt,
      recipients: recipients.map((r) => ({ ...r, recipientKey: recipientKeyOf(r) })),
      startedAt: T.issue,
      startedBy: SYSTEM,
    },
  };
}

function statusRecorded(recipientKey: string, status: DeliveryStatus, previousStatus: DeliveryStatus, at: string, note = ''): DeliveryStatusRecorded {
  const inSystem = recipientKey === IN_SYSTEM;
  return {
    type: 'DeliveryStatusRecorded',
    data: {
      documentId: DOCUMENT_ID,
      agencyCode: AGENCY,
      recipientKey,
      recipientAgencyCode: recipientKey === NAMED_KEY ? null : recipientKey,
      recipientName: 'any',
      inSystem,
      status,
      previousStatus,
      exchangeCode: exchangeCodeOf(status),
      note,
      at,
      source: inSystem ? 'INTERCONNECT' : 'MANUAL',
      recordedAt: at,
      recordedBy: inSystem ? SYSTEM : person(clerk),
    },
  };
}

describe('deliveries projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_deliveries');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const deliveries = () =>
    db.rows(
      `SELECT recipient_key, ordinal, recipient_agency_code, recipient_name, in_system, status, exchange_code, history, revision
         FROM rm_deliveries.deliveries WHERE document_id = $1 ORDER BY ordinal`,
      [DOCUMENT_ID],
    );

  function history() {
    return [
      ...log.append(outgoingStream(DOCUMENT_ID), issued()),
      ...log.append(
        deliveryStream(DOCUMENT_ID),
        trackingStarted(),
        statusRecorded(IN_SYSTEM, 'ARRIVED', 'PENDING', '2025-03-03T14:31:00+07:00'),
        statusRecorded(IN_SYSTEM, 'ACCEPTED', 'ARRIVED', '2025-03-03T15:00:00+07:00'),
        statusRecorded(NAMED_KEY, 'ARRIVED', 'PENDING', '2025-03-04T09:00:00+07:00', 'Đã nhận qua bưu điện'),
        statusRecorded(IN_SYSTEM, 'ASSIGNED', 'ACCEPTED', '2025-03-04T10:00:00+07:00'),
      ),
    ];
  }

  it('lists every recipient PENDING from the issue on, before tracking starts', async () => {
    await db.apply(projection, log.append(outgoingStream(DOCUMENT_ID), issued()));

    expect(await deliveries()).toEqual([
      expect.objectContaining({ recipient_key: IN_SYSTEM, ordinal: 0, in_system: true, status: 'PENDING', history: [], revision: '-1' }),
      expect.objectContaining({ recipient_key: OUTSIDE, ordinal: 1, in_system: false, status: 'PENDING', revision: '-1' }),
      expect.objectContaining({ recipient_key: NAMED_KEY, ordinal: 2, recipient_agency_code: null, recipient_name: 'Công ty TNHH Minh Phát' }),
    ]);
  });

  it("keeps each recipient's status and history, with exchange codes", async () => {
    await db.apply(projection, history());

    const rows = await deliveries();
    expect(rows[0]).toMatchObject({
      recipient_key: IN_SYSTEM,
      status: 'ASSIGNED',
      exchange_code: '04',
      revision: '4',
      history: [
        expect.objectContaining({ status: 'ARRIVED', exchangeCode: '01', source: 'INTERCONNECT', recordedBy: SYSTEM }),
        expect.objectContaining({ status: 'ACCEPTED', previousStatus: 'ARRIVED', exchangeCode: '03' }),
        expect.objectContaining({ status: 'ASSIGNED', exchangeCode: '04', at: '2025-03-04T10:00:00+07:00' }),
      ],
    });
    expect(rows[1]).toMatchObject({ recipient_key: OUTSIDE, status: 'PENDING', history: [], revision: '0' });
    expect(rows[2]).toMatchObject({
      recipient_key: NAMED_KEY,
      status: 'ARRIVED',
      history: [expect.objectContaining({ status: 'ARRIVED', note: 'Đã nhận qua bưu điện', source: 'MANUAL' })],
    });
  });

  it.each(['batch', 'one-by-one'] as const)('ends the same when events are applied again (%s)', async (mode) => {
    const events = history();
    await db.apply(projection, events, mode);
    const once = await db.rows('SELECT * FROM rm_deliveries.deliveries ORDER BY ordinal');

    await db.apply(projection, events, mode);
    await db.apply(projection, events.slice(1, 4), mode);

    expect(await db.rows('SELECT * FROM rm_deliveries.deliveries ORDER BY ordinal')).toEqual(once);
  });
});
