import type { ProjectionDefinition } from '@app/projection-runner';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { directoryProjection } from './directory/directory.projection';
import { inboxProjection } from './inbox/inbox.projection';
import { incomingDocumentsProjection } from './incoming-documents/incoming-documents.projection';
import { registersProjection } from './registers/registers.projection';

export { deadlinesProjection } from './deadlines/deadlines.projection';
export type { DeadlineKind } from './deadlines/deadlines.projection';
export { directoryProjection } from './directory/directory.projection';
export { inboxProjection } from './inbox/inbox.projection';
export { incomingDocumentsProjection } from './incoming-documents/incoming-documents.projection';
export { foldVietnamese, incomingSearchText, searchTextPattern } from './incoming-documents/fold-vietnamese';
export { registersProjection } from './registers/registers.projection';
export { REPORTING_SCHEMA, reportingViews } from './reporting.sql';

/** Every read model the runner maintains. */
export const allProjections: ProjectionDefinition[] = [
  directoryProjection,
  registersProjection,
  incomingDocumentsProjection,
  inboxProjection,
  deadlinesProjection,
];
