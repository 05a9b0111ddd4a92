import { stringifyAndRelease } from './stringify-result';

describe('stringifyAndRelease', () => {
  it('answers the JSON text of the whole result, then empties its root fields', () => {
    const history = [{ revision: 0, summary: 'Văn thư Trần Thị Thư tiếp nhận văn bản đến', data: { note: 'x' } }];
    const result = { errors: [{ message: 'Không có quyền' }], data: { documentHistory: history, count: 1 } };
    const expected = `${JSON.stringify(result)}\n`;

    const chunks = stringifyAndRelease(result);

    expect(Buffer.concat(chunks.buffers).toString('utf8')).toBe(expected);
    expect(result.data).toEqual({ documentHistory: null, count: null });
    expect(result.errors).toEqual([{ message: 'Không có quyền' }]);
  });

  it('takes a result without data (a refused operation) as it is', () => {
    const result = { errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.' }] };

    expect(Buffer.concat(stringifyAndRelease(result).buffers).toString('utf8')).toBe(`${JSON.stringify(result)}\n`);
  });
});
