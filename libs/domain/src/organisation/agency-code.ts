/**
 * Mã định danh of an agency (QCVN 102 SĐ1:2022 → QĐ 20/2020 Art. 4; domain.md §3.1): `LLL.KK.JJ.Xnn`,
 * e.g. `000.00.01.H41`. domain.md asks to keep the pattern configurable: `createAgencyDecider` takes one.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isAgencyCode(value: unknown, pattern: RegExp = AGENCY_CODE_PATTERN): value is string {
  return typeof value === 'string' && pattern.test(value);
}
