import { Module } from '@nestjs/common';
import { RegisterAllocations } from './register-allocations';
import { RegisterQueries } from './register.queries';
import { RegistersResolver } from './registers.resolver';

@Module({
  providers: [RegistersResolver, RegisterQueries, RegisterAllocations],
  exports: [RegisterAllocations],
})
export class RegistersModule {}
