export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/authorization';
export * from './shared/people';
export * from './shared/text';
export * from './shared/time';
export * from './shared/validation';
export * from './streams';

export * from './document/document-metadata';
export * from './document/attachment-rules';

export * from './organisation/agency-code';
export * from './organisation/agency.events';
export * from './organisation/agency.commands';
export * from './organisation/agency.state';
export * from './organisation/agency.decider';
export * from './organisation/staff-account.events';
export * from './organisation/staff-account.commands';
export * from './organisation/staff-account.state';
export * from './organisation/staff-account.decider';

export * from './register/register.events';
export * from './register/register.commands';
export * from './register/register.state';
export * from './register/default-registers';
export * from './register/register.decider';

export * from './incoming-identity/incoming-identity.events';
export * from './incoming-identity/incoming-identity.commands';
export * from './incoming-identity/incoming-identity-key';
export * from './incoming-identity/incoming-identity.decider';

export * from './incoming-document/incoming-document.events';
export * from './incoming-document/incoming-document.commands';
export * from './incoming-document/incoming-document.state';
export * from './incoming-document/incoming-document.transitions';
export * from './incoming-document/incoming-document.decider';
export * from './document-types/document-types';
export * from './outgoing-document/outgoing-document.numbering';
export * from './outgoing-document/outgoing-document.recipients';
export * from './outgoing-document/outgoing-document.events';
export * from './outgoing-document/outgoing-document.commands';
export * from './outgoing-document/outgoing-document.state';
export * from './outgoing-document/outgoing-document.transitions';
export * from './outgoing-document/outgoing-document.decider';
export * from './outgoing-document/outgoing-document.receipt';
export * from './outgoing-document/issue-sequence/issue-sequence.events';
export * from './outgoing-document/issue-sequence/issue-sequence.commands';
export * from './outgoing-document/issue-sequence/issue-sequence.state';
export * from './outgoing-document/issue-sequence/issue-sequence.decider';
export * from './delivery/delivery-status';
export * from './delivery/delivery.events';
export * from './delivery/delivery.commands';
export * from './delivery/delivery.state';
export * from './delivery/delivery.decider';
