import { URGENCIES, URGENCY_INBOX_ORDER, compareUrgency, urgencyRank } from './document-metadata';

describe('urgency rank', () => {
  it('puts FLASH first and NORMAL last (inbox order)', () => {
    expect(['NORMAL', 'FLASH', 'URGENT', 'VERY_URGENT'].map((u) => urgencyRank(u as never))).toEqual([3, 0, 2, 1]);
  });

  it('sorts urgencies into inbox order', () => {
    expect([...URGENCIES].sort(compareUrgency)).toEqual(URGENCY_INBOX_ORDER);
  });
});
