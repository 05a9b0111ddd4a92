import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_DIRECTORY } from '../auth/principal';
import { HandlerDirectory } from '../incoming/handler-directory';
import { DelegatedAuthority } from './delegated-authority';
import { DelegationResolver } from './delegation.resolver';
import { DelegationQueries } from './delegations.queries';
import { DirectoryCache } from './directory-cache';
import { DirectoryQueries } from './directory.queries';
import { OrganisationResolver } from './organisation.resolver';

@Global()
@Module({
  providers: [
    DirectoryQueries,
    DelegationQueries,
    DelegatedAuthority,
    HandlerDirectory,
    OrganisationResolver,
    DelegationResolver,
    DirectoryCache,
    { provide: PRINCIPAL_DIRECTORY, useExisting: DirectoryQueries },
  ],
  exports: [DirectoryQueries, DelegationQueries, DelegatedAuthority, PRINCIPAL_DIRECTORY],
})
export class OrganisationModule {}
