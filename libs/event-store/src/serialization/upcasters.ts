import type { JsonObject, RecordedEvent } from '../event-store.port';

/** Turns the data of one event type from schema version `from` into version `from + 1`. */
export type UpcastStep = (data: JsonObject, event: RecordedEvent) => JsonObject;

export class UpcastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcastError';
  }
}

/** Events written before schema versions existed carry none; they are version 1. */
const FIRST_VERSION = 1;

/**
 * Upcasters keyed by event type. Wire type names stay stable; an event records its payload's
 * `schemaVersion` in metadata, and reading upcasts it step by step to the current version, so the
 * domain and projections only ever see current payloads. Stored events are never rewritten.
 */
export class Upcasters {
  private readonly steps = new Map<string, Map<number, UpcastStep>>();

  /** Registers the step from `fromVersion` to `fromVersion + 1` of `type`. */
  register(type: string, fromVersion: number, step: UpcastStep): this {
    if (!Number.isInteger(fromVersion) || fromVersion < FIRST_VERSION) {
      throw new UpcastError(`${type}: schema versions start at ${FIRST_VERSION}, got ${fromVersion}`);
    }
    const steps = this.steps.get(type) ?? new Map<number, UpcastStep>();
    if (steps.has(fromVersion)) throw new UpcastError(`${type}: an upcaster from version ${fromVersion} is already registered`);
    this.steps.set(type, steps.set(fromVersion, step));
    return this;
  }

  /** The version new events of `type` are written with: one past the last registered step. */
  currentVersion(type: string): number {
    const steps = this.steps.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : FIRST_VERSION;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    const steps = this.steps.get(event.type);
    if (!steps) return event;
    const stored = event.metadata.schemaVersion ?? FIRST_VERSION;
    const current = this.currentVersion(event.type);
    if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < FIRST_VERSION || stored > current) {
      throw new UpcastError(`${event.type} ${event.eventId}: cannot upcast schema version ${String(stored)} to ${current}`);
    }
    let data = event.data;
    for (let version = stored; version < current; version++) {
      const step = steps.get(version);
      if (!step) throw new UpcastError(`${event.type}: no upcaster from version ${version}`);
      data = step(data, event);
    }
    return stored === current ? event : { ...event, data, metadata: { ...event.metadata, schemaVersion: current } };
  }
}
