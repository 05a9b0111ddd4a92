import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { personOf, requireAnyRole, requireSameAgency } from '../shared/authorization';
import { isAfter } from '../shared/time';
import { optionalText, requireInstant, requireOneOf, requireText, validationFailed } from '../shared/validation';
import type { OutgoingDocumentIssued } from '../outgoing-document/outgoing-document.events';
import { recipientKeyOf } from '../outgoing-document/outgoing-document.recipients';
import {
  DELIVERY_SOURCES,
  REPORTABLE_DELIVERY_STATUSES,
  exchangeCodeOf,
  isRecallDeliveryStatus,
  mainPathRank,
  type DeliverySource,
  type DeliveryStatus,
} from './delivery-status';
import type { DeliveryCommand, RecordDeliveryStatus, StartDeliveryTracking } from './delivery.commands';
import type { DeliveryEvent, TrackedRecipient } from './delivery.events';
import type { DeliveryState, RecipientDelivery } from './delivery.state';

export const MAX_DELIVERY_NOTE_LENGTH = 1000;

/** The `StartDeliveryTracking` data for an issued document. */
export function startDeliveryTrackingData(issued: OutgoingDocumentIssued): StartDeliveryTracking['data'] {
  const { documentId, agencyCode, issuedAt, recipients } = issued.data;
  return { documentId, agencyCode, issuedAt, recipients: recipients.map(({ agencyCode, name, inSystem }) => ({ agencyCode, name, inSystem })) };
}

/** The recipient's delivery, or null when the key names no recipient of the document. */
export function deliveryTo(state: DeliveryState, recipientKey: string): RecipientDelivery | null {
  return state.status === 'TRACKING' ? (state.recipients.find((recipient) => recipient.recipientKey === recipientKey) ?? null) : null;
}

/**
 * Whether `next` moves the delivery to `recipient` on: 'RECORD', 'ALREADY' (it had that status; nothing to record)
 * or 'BACKWARDS' (refused). Forward moves may skip steps (a manual report may learn of completion directly).
 * ACCEPTED and REJECTED exclude each other; REJECTED and RECALL_ACCEPTED end the delivery. A recall request is
 * possible at any step but REJECTED and is answered by RECALL_ACCEPTED or RECALL_REFUSED; after a refusal the
 * recipient's processing goes on from where it was.
 */
export function deliveryMove(recipient: RecipientDelivery, next: DeliveryStatus): 'RECORD' | 'ALREADY' | 'BACKWARDS' {
  if (next === 'PENDING' || next === recipient.status || recipient.history.some((entry) => entry.status === next)) return 'ALREADY';
  const current = recipient.status;
  if (current === 'RECALL_ACCEPTED') return 'BACKWARDS';
  switch (next) {
    case 'RECALL_REQUESTED':
      return current === 'REJECTED' ? 'BACKWARDS' : 'RECORD';
    case 'RECALL_ACCEPTED':
    case 'RECALL_REFUSED':
      return current === 'RECALL_REQUESTED' ? 'RECORD' : 'BACKWARDS';
    default: {
      if (current === 'RECALL_REQUESTED') return 'BACKWARDS';
      const base = recipient.mainStatus;
      if (base === 'REJECTED') return 'BACKWARDS';
      if (next === 'REJECTED') return mainPathRank(base) < mainPathRank('REJECTED') ? 'RECORD' : 'BACKWARDS';
      return mainPathRank(next) > mainPathRank(base) ? 'RECORD' : 'BACKWARDS';
    }
  }
}

function trackedRecipients(value: unknown): TrackedRecipient[] {
  if (!Array.isArray(value) || value.length === 0) throw validationFailed('recipients', 'REQUIRED', 'must name at least one recipient');
  const recipients = value.map((input, index): TrackedRecipient => {
    const field = `recipients[${index}]`;
    if (typeof input !== 'object' || input === null) throw validationFailed(field, 'REQUIRED', 'must be a recipient');
    const agencyCode = input.agencyCode === null || input.agencyCode === undefined ? null : requireText(input.agencyCode, `${field}.agencyCode`, 32);
    const name = requireText(input.name, `${field}.name`, 500);
    if (typeof input.inSystem !== 'boolean') throw validationFailed(`${field}.inSystem`, 'REQUIRED', 'must be true or false');
    if (input.inSystem && agencyCode === null) throw validationFailed(`${field}.inSystem`, 'IN_SYSTEM_WITHOUT_CODE', 'an agency of this system has a code');
    return { recipientKey: recipientKeyOf({ agencyCode, name }), agencyCode, name, inSystem: input.inSystem };
  });
  recipients.forEach((recipient, index) => {
    if (recipients.findIndex((other) => other.recipientKey === recipient.recipientKey) !== index) {
      throw validationFailed(`recipients[${index}]`, 'DUPLICATE_RECIPIENT', 'names a recipient twice', { recipientKey: recipient.recipientKey });
    }
  });
  return recipients;
}

function start(command: StartDeliveryTracking, state: DeliveryState): DeliveryEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK'], command.type);
  const documentId = requireText(data.documentId, 'documentId', 128);
  const issuedAt = requireInstant(data.issuedAt, 'issuedAt');
  const recipients = trackedRecipients(data.recipients);
  if (state.status === 'TRACKING') {
    const same =
      state.documentId === documentId &&
      state.issuedAt === issuedAt &&
      JSON.stringify(state.recipients.map(({ recipientKey, agencyCode, name, inSystem }) => ({ recipientKey, agencyCode, name, inSystem }))) ===
        JSON.stringify(recipients);
    if (same) return [];
    throw new DomainError('ALREADY_EXISTS', `Delivery tracking of ${state.documentId} has already started`, { documentId: state.documentId });
  }
  return [
    { type: 'DeliveryTrackingStarted', data: { documentId, agencyCode: data.agencyCode, issuedAt, recipients, startedAt: context.now, startedBy: personOf(context.actor) } },
  ];
}

function record(command: RecordDeliveryStatus, state: DeliveryState): DeliveryEvent[] {
  const { data, context } = command;
  if (state.status !== 'TRACKING') {
    throw new DomainError('NOT_FOUND', `No delivery of ${data.documentId} is tracked (not issued)`, { documentId: data.documentId });
  }
  if (data.documentId !== state.documentId) {
    throw validationFailed('documentId', 'STREAM_MISMATCH', `does not match the document ${state.documentId}`);
  }
  requireSameAgency(context.actor, state.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK'], command.type);
  const recipient = typeof data.recipientAgencyCode === 'string' ? deliveryTo(state, data.recipientAgencyCode.normalize('NFC').trim()) : null;
  if (recipient === null) {
    throw new DomainError('RECIPIENT_UNKNOWN', `${String(data.recipientAgencyCode)} is not a recipient of ${state.documentId}`, {
      recipientAgencyCode: data.recipientAgencyCode,
      documentId: state.documentId,
    });
  }
  const source = requireOneOf<DeliverySource>(data.source, DELIVERY_SOURCES, 'source');
  if (source === 'MANUAL' && recipient.inSystem) {
    throw validationFailed('source', 'RECIPIENT_IN_SYSTEM', 'the status of a recipient in this system is reported by the system, not by hand', {
      recipientKey: recipient.recipientKey,
    });
  }
  if (source === 'INTERCONNECT' && !recipient.inSystem) {
    throw validationFailed('source', 'RECIPIENT_OUTSIDE_SYSTEM', 'a recipient outside this system reports nothing through it', {
      recipientKey: recipient.recipientKey,
    });
  }
  const status = requireOneOf<DeliveryStatus>(data.status, REPORTABLE_DELIVERY_STATUSES, 'status');
  const note = optionalText(data.note, 'note', MAX_DELIVERY_NOTE_LENGTH);
  const at = requireInstant(data.at, 'at');
  if (isAfter(at, context.now)) throw validationFailed('at', 'IN_THE_FUTURE', 'must not be later than now', { now: context.now });
  if (isAfter(state.issuedAt, at)) throw validationFailed('at', 'BEFORE_ISSUE', 'must not be earlier than the issue', { issuedAt: state.issuedAt });

  const move = deliveryMove(recipient, status);
  if (move === 'ALREADY') return [];
  if (move === 'BACKWARDS') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${status} cannot follow ${recipient.status} in the delivery of ${state.documentId} to ${recipient.name}`,
      { status: recipient.status, requestedStatus: status, command: command.type, documentId: state.documentId, recipientKey: recipient.recipientKey },
    );
  }
  return [
    {
      type: 'DeliveryStatusRecorded',
      data: {
        documentId: state.documentId,
        agencyCode: state.agencyCode,
        recipientKey: recipient.recipientKey,
        recipientAgencyCode: recipient.agencyCode,
        recipientName: recipient.name,
        inSystem: recipient.inSystem,
        status,
        previousStatus: recipient.status,
        exchangeCode: exchangeCodeOf(status),
        note,
        at,
        source,
        recordedAt: context.now,
        recordedBy: personOf(context.actor),
      },
    },
  ];
}

function evolve(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'DeliveryTrackingStarted': {
      if (state.status !== 'NOT_STARTED') return state;
      const { documentId, agencyCode, issuedAt, recipients } = event.data;
      return {
        status: 'TRACKING',
        documentId,
        agencyCode,
        issuedAt,
        recipients: recipients.map((recipient) => ({ ...recipient, status: 'PENDING', mainStatus: 'PENDING', history: [] })),
      };
    }
    case 'DeliveryStatusRecorded': {
      if (state.status !== 'TRACKING') return state;
      const { recipientKey, status, note, at, source, recordedAt, recordedBy } = event.data;
      const recipients = state.recipients.map((recipient) =>
        recipient.recipientKey !== recipientKey
          ? recipient
          : {
              ...recipient,
              status,
              mainStatus: isRecallDeliveryStatus(status) ? recipient.mainStatus : status,
              history: [...recipient.history, { status, note, at, source, recordedAt, recordedBy }],
            },
      );
      return { ...state, recipients };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export type DeliveryDecider = Decider<DeliveryCommand, DeliveryEvent, DeliveryState>;

/** The sender's delivery tracking of one issued document (stream `delivery-<documentId>`). */
export const deliveryDecider: DeliveryDecider = {
  initialState: () => ({ status: 'NOT_STARTED' }),
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'StartDeliveryTracking':
        return start(command, state);
      case 'RecordDeliveryStatus':
        return record(command, state);
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
