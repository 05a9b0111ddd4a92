import { ConfigurationError, environmentVariables, loadEnvironment } from './environment';

describe('loadEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      EVENT_STORE: 'postgres',
      RUN_PROJECTIONS: true,
      PROJECTOR_THREAD: true,
      CONSISTENCY_TIMEOUT_MS: 2000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.GRAPHQL_INTROSPECTION).toBeUndefined();
  });

  it('parses numbers and booleans', () => {
    const env = loadEnvironment({ PORT: '8080', RUN_PROJECTIONS: 'false', SEED_DEMO: '0', GRAPHQL_INTROSPECTION: 'true' });
    expect(env).toMatchObject({ PORT: 8080, RUN_PROJECTIONS: false, SEED_DEMO: false, GRAPHQL_INTROSPECTION: true });
  });

  it('gives back the variables of a configuration: loaded again, they give the same one (a projector thread runs on them)', () => {
    const env = loadEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://db/qlvbdh', PROJECTOR_THREAD: 'false', LOG_LEVEL: 'error' });
    const variables = environmentVariables(env);
    expect(variables).toMatchObject({ PORT: '8080', DATABASE_URL: 'postgres://db/qlvbdh', RUN_PROJECTIONS: 'true', PROJECTOR_THREAD: 'false', LOG_LEVEL: 'error' });
    expect(variables).not.toHaveProperty('OIDC_ISSUER');
    expect(loadEnvironment(variables)).toEqual(env);
  });

  it('names every invalid variable', () => {
    expect.assertions(3);
    try {
      loadEnvironment({ PORT: 'abc', EVENT_STORE: 'mongo' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('EVENT_STORE');
    }
  });

  it('requires a connection string for EventStoreDB', () => {
    expect(() => loadEnvironment({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
    expect(loadEnvironment({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' }).EVENT_STORE).toBe('eventstoredb');
  });
});
