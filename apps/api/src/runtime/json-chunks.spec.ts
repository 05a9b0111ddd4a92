import { JsonChunks } from './json-chunks';

const text = (chunks: JsonChunks) => Buffer.concat(chunks.buffers).toString('utf8');

describe('JsonChunks', () => {
  it('writes what JSON.stringify writes, with Apollo Server’s final newline', () => {
    const result = {
      errors: [{ message: 'Văn bản không tồn tại', extensions: { code: 'NOT_FOUND' } }],
      data: {
        documentHistory: [
          { revision: 0, summary: 'Văn thư Trần Thị Thư tiếp nhận văn bản đến', data: { note: 'a "quoted"\nline' }, hash: null },
          { revision: 1, actor: { username: 'lanhdao.ubnd', roles: ['LEADER'] }, at: new Date('2026-11-23T01:00:00Z') },
        ],
        count: 2,
        empty: [],
        nothing: null,
      },
    };

    expect(text(JsonChunks.of(result))).toBe(`${JSON.stringify(result)}\n`);
  });

  it('leaves out undefined, function and symbol members and writes null for such list items, as JSON.stringify does', () => {
    const list: unknown[] = [undefined, () => 1, 1];
    list[4] = 2; // and a hole at 3
    const result = {
      data: { a: undefined, b: () => 1, c: Symbol('c'), list, d: 'kept' },
      extensions: undefined,
    };

    expect(text(JsonChunks.of(result))).toBe(`${JSON.stringify(result)}\n`);
  });

  it('splits a large answer into buffers of bounded size whose lengths add up to the byte length', () => {
    const items = Array.from({ length: 100 }, (_, revision) => ({
      revision,
      summary: 'Chuyên viên Nguyễn Văn Viên báo cáo tiến độ: đã xin ý kiến các phòng chuyên môn',
      data: { note: 'ghi chú '.repeat(200) },
    }));
    const result = { data: { documentHistory: items } };

    const chunks = JsonChunks.of(result);

    expect(text(chunks)).toBe(`${JSON.stringify(result)}\n`);
    expect(chunks.byteLength).toBe(Buffer.byteLength(`${JSON.stringify(result)}\n`));
    expect(chunks.buffers.length).toBeGreaterThan(2);
    for (const buffer of chunks.buffers) expect(buffer.length).toBeLessThanOrEqual(65_536);
  });

  it('encodes a piece larger than a buffer, and characters of every UTF-8 length, whole', () => {
    const result = { data: { documentHistory: [{ note: 'Hồ sơ 📁 lưu trữ €'.repeat(10_000) }, { note: 'ả' }, { note: '😀'.repeat(30_000) }] } };

    const chunks = JsonChunks.of(result);

    expect(text(chunks)).toBe(`${JSON.stringify(result)}\n`);
    expect(chunks.byteLength).toBe(Buffer.byteLength(`${JSON.stringify(result)}\n`));
  });
});
