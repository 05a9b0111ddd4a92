// The api is measured as the docker image runs it, with NODE_ENV=production: graphql-js decides when it is
// loaded whether to run its development-only checks (on every field of every answer), so main.ts imports
// this module before any other.
process.env.NODE_ENV ??= 'production';
