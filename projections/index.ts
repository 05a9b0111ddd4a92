import type { ProjectionDefinition } from '@app/projection-runner';
import { calendarsProjection } from './calendars/calendars.projection';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { delegationsProjection } from './delegations/delegations.projection';
import { directoryProjection } from './directory/directory.projection';
import { inboxProjection } from './inbox/inbox.projection';
import { incomingDocumentsProjection } from './incoming-documents/incoming-documents.projection';
import { outgoingDocumentsProjection } from './outgoing-documents/outgoing-documents.projection';
import { deliveriesProjection } from './deliveries/deliveries.projection';
import { registersProjection } from './registers/registers.projection';

export { calendarsProjection } from './calendars/calendars.projection';
export { deadlinesProjection } from './deadlines/deadlines.projection';
export type { DeadlineKind } from './deadlines/deadlines.projection';
export { delegationsProjection } from './delegations/delegations.projection';
export { directoryProjection } from './directory/directory.projection';
export { inboxProjection } from './inbox/inbox.projection';
export { incomingDocumentsProjection } from './incoming-documents/incoming-documents.projection';
export { foldVietnamese, incomingSearchText, searchTextPattern } from './incoming-documents/fold-vietnamese';
export { openReceipts, type OpenReceipt } from './incoming-documents/open-receipts';
export { registersProjection } from './registers/registers.projection';
export { outgoingDocumentsProjection } from './outgoing-documents/outgoing-documents.projection';
export { deliveriesProjection } from './deliveries/deliveries.projection';
export { REPORTING_SCHEMA, reportingViews } from './reporting.sql';

/** Every read model the runner maintains. */
export const allProjections: ProjectionDefinition[] = [
  directoryProjection,
  registersProjection,
  incomingDocumentsProjection,
  inboxProjection,
  deadlinesProjection,
  outgoingDocumentsProjection,
  deliveriesProjection,
  calendarsProjection,
  delegationsProjection,
];
