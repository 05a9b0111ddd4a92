import { ConfigurationError } from '@app/config';
import type { ProjectionDefinition } from '@app/projection-runner';
import { loadProjectorConfig, selectProjections } from './projector-config';

const projection = (name: string): ProjectionDefinition => ({ name, eventTypes: [], schema: [], handle: async () => undefined });

describe('loadProjectorConfig', () => {
  it('requires DATABASE_URL and names every bad variable', () => {
    expect.assertions(4);
    try {
      loadProjectorConfig({ EVENT_STORE: 'mongo', PROJECTOR_SUBSCRIPTION: 'some' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      for (const variable of ['DATABASE_URL', 'EVENT_STORE', 'PROJECTOR_SUBSCRIPTION']) expect((error as Error).message).toContain(variable);
    }
  });

  it('defaults to every projection on one shared subscription', () => {
    const config = loadProjectorConfig({ DATABASE_URL: 'postgres://localhost/db' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://localhost/db', projections: null, subscription: 'shared' });
    expect(config.env.EVENT_STORE).toBe('postgres');
  });

  it('reads the projections to run and the subscription mode', () => {
    const config = loadProjectorConfig({ DATABASE_URL: 'postgres://x/y', PROJECTIONS: ' inbox, registers ,', PROJECTOR_SUBSCRIPTION: 'separate' });
    expect(config).toMatchObject({ projections: ['inbox', 'registers'], subscription: 'separate' });
  });
});

describe('selectProjections', () => {
  const all = [projection('inbox'), projection('registers'), projection('deadlines')];

  it('keeps the named ones, in registry order, or all', () => {
    expect(selectProjections(all, ['deadlines', 'inbox']).map((p) => p.name)).toEqual(['inbox', 'deadlines']);
    expect(selectProjections(all, null)).toEqual(all);
  });

  it('refuses an unknown name', () => {
    expect(() => selectProjections(all, ['inbox', 'outbox'])).toThrow(/PROJECTIONS: unknown outbox; known: inbox, registers, deadlines/);
  });
});
