import { isAfter, isIsoDate, isIsoInstant, yearOfDate } from './time';

describe('domain time values', () => {
  it.each(['2025-03-03', '2024-02-29', '2000-02-29'])('accepts the date %p', (value) => expect(isIsoDate(value)).toBe(true));
  it.each(['2025-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '0099-01-01', '03/03/2025', '2025-3-3', 20250303])('refuses the date %p', (value) =>
    expect(isIsoDate(value)).toBe(false),
  );

  it.each(['2025-03-03T08:00:00+07:00', '2025-03-03T01:00:00Z', '2025-03-03T08:00+07:00', '2025-03-03T08:00:00.123+07:00'])(
    'accepts the instant %p',
    (value) => expect(isIsoInstant(value)).toBe(true),
  );
  it.each(['2025-03-03T08:00:00', '2025-03-03', '2025-03-03T25:00:00+07:00', '2025-02-29T08:00:00+07:00', 'yesterday', null])('refuses the instant %p', (value) =>
    expect(isIsoInstant(value)).toBe(false),
  );

  it('compares instants across offsets', () => {
    expect(isAfter('2025-03-03T08:00:01+07:00', '2025-03-03T01:00:00Z')).toBe(true);
    expect(isAfter('2025-03-03T08:00:00+07:00', '2025-03-03T01:00:00Z')).toBe(false);
  });

  it('reads the year of a date', () => expect(yearOfDate('2025-12-31')).toBe(2025));
});
