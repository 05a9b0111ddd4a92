import { parseInstant, toVietnamIso, vietnamLocalDate, WorkingTimeError } from '@app/working-time';

describe('Vietnam time (fixed UTC+07:00)', () => {
  it.each([
    ['2026-11-23T08:00:00+07:00', '2026-11-23T08:00:00+07:00'],
    ['2026-11-23T01:00:00Z', '2026-11-23T08:00:00+07:00'],
    ['2026-11-22T17:00:00.000Z', '2026-11-23T00:00:00+07:00'],
    ['2026-11-23T03:30:00+09:30', '2026-11-23T01:00:00+07:00'],
    ['2026-11-23T08:00+07:00', '2026-11-23T08:00:00+07:00'],
    ['2026-11-23T08:00:00.5+07:00', '2026-11-23T08:00:00.500+07:00'],
    ['2026-11-23T08:00:00.123456+07:00', '2026-11-23T08:00:00.123+07:00'],
    ['2024-02-29T23:59:59.999+07:00', '2024-02-29T23:59:59.999+07:00'],
    ['2026-11-23T08:00:00.120+07:00', '2026-11-23T08:00:00.120+07:00'],
    ['2026-11-23T08:00:00.000+07:00', '2026-11-23T08:00:00+07:00'],
    ['2026-11-23T08:00:00.12+07:00', '2026-11-23T08:00:00.120+07:00'],
    ['2026-11-23T08:00:00-07:00', '2026-11-23T22:00:00+07:00'],
    ['2000-02-29T00:00:00Z', '2000-02-29T07:00:00+07:00'],
  ])('formats %s as %s', (input, expected) => {
    expect(toVietnamIso(input)).toBe(expected);
  });

  it('formats a Date', () => {
    expect(toVietnamIso(new Date(Date.UTC(2025, 11, 31, 17, 0)))).toBe('2026-01-01T00:00:00+07:00');
  });

  it.each([
    ['2026-11-22T16:59:59.999Z', '2026-11-22'],
    ['2026-11-22T17:00:00Z', '2026-11-23'],
    ['2026-11-23T23:59:59+07:00', '2026-11-23'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
  ])('the Vietnam date of %s is %s', (input, expected) => {
    expect(vietnamLocalDate(input)).toBe(expected);
  });

  it.each([
    '2026-11-23T08:00:00', // no offset: would be read in the host's zone
    '2026-11-23',
    '2026-02-30T08:00:00+07:00', // Date.parse rolls it over to 2 March
    '2026-02-29T08:00:00+07:00', // not a leap year
    '2100-02-29T08:00:00+07:00', // nor is a century not divisible by 400
    '2026-04-31T08:00:00+07:00',
    '2026-11-23T24:00:00+07:00',
    '2026-11-23T08:00:60+07:00',
    '2026-11-23T08:00:00+24:00',
    '2026-11-23 08:00:00+07:00',
    '0099-01-01T00:00:00Z', // Date.UTC would read it as 1999
    'yesterday',
  ])('refuses %s', (input) => {
    expect(() => parseInstant(input)).toThrow(WorkingTimeError);
  });

  it('refuses an invalid Date with code INVALID_ARGUMENT', () => {
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
