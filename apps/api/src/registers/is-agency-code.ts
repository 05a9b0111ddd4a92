import { Matches } from 'class-validator';
import { AGENCY_CODE } from '../organisation/organisation.types';

/** An agency identifier (mã định danh), e.g. `000.00.01.H41`. */
export const IsAgencyCode = (): PropertyDecorator =>
  Matches(AGENCY_CODE, { message: '$property must be an agency identifier (mã định danh) like 000.00.01.H41' });
