import type { HolidayData } from './calendar-data';
import { WorkingTimeError } from './working-time-error';

export interface DefaultHolidayOptions {
  /**
   * Quốc khánh is 2/9 "and one adjacent day, before or after" (Điều 112.1.đ); the Prime Minister picks
   * it each year (Điều 112.3). The default is the day before, 1/9; the yearly data can say otherwise.
   */
  readonly nationalDayAdjacent?: 'BEFORE' | 'AFTER';
}

/**
 * The fixed-date public holidays of Bộ luật Lao động 2019 Điều 112.1 for one year.
 *
 * Not here, because they follow the lunar calendar or a yearly decision and so come as data: Tết
 * Nguyên đán (5 days, fixed by the Prime Minister), Giỗ Tổ Hùng Vương (10/3 lunar), weekday swaps with
 * make-up Saturdays, and compensatory days off when a holiday falls on a weekly rest day (Điều 111.3).
 */
export function defaultHolidays(year: number, options: DefaultHolidayOptions = {}): HolidayData[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new WorkingTimeError('INVALID_ARGUMENT', `${year} is not a four-digit year`);
  }
  const y = String(year);
  const nationalDay = { date: `${y}-09-02`, name: 'Quốc khánh' };
  const adjacentDay = {
    date: options.nationalDayAdjacent === 'AFTER' ? `${y}-09-03` : `${y}-09-01`,
    name: 'Quốc khánh (ngày liền kề)',
  };
  return [
    { date: `${y}-01-01`, name: 'Tết Dương lịch' },
    { date: `${y}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${y}-05-01`, name: 'Ngày Quốc tế lao động' },
    ...(options.nationalDayAdjacent === 'AFTER' ? [nationalDay, adjacentDay] : [adjacentDay, nationalDay]),
  ];
}
