import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_DIRECTORY } from '../auth/principal';
import { DirectoryQueries } from './directory.queries';
import { OrganisationResolver } from './organisation.resolver';

@Global()
@Module({
  providers: [DirectoryQueries, OrganisationResolver, { provide: PRINCIPAL_DIRECTORY, useExisting: DirectoryQueries }],
  exports: [DirectoryQueries, PRINCIPAL_DIRECTORY],
})
export class OrganisationModule {}
