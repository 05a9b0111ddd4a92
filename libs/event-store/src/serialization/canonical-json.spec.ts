import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: -0.5 } })).toBe('{"a":{"c":-0.5,"d":[true,null,"x"]},"b":1}');
  });

  it('gives the same text whatever order the keys were built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('is valid JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('sorts keys by UTF-16 code units, escapes strings as JSON does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '"q"': 'line\nbreak' })).toBe('{"\\"q\\"":"line\\nbreak","Z":3,"z":2,"é":1}');
  });

  it.each([
    ['undefined', { a: undefined }, '$.a'],
    ['NaN', { a: [1, NaN] }, '$.a[1]'],
    ['Infinity', Infinity, '$'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a symbol', [Symbol('s')], '$[0]'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a Map', new Map(), '$'],
    ['a sparse array', [1, , 3], '$[1]'], // eslint-disable-line no-sparse-arrays
  ])('rejects %s, naming where it is', (_what, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(`at ${path}:`);
  });

  it('sorts integer-like keys as text too, not in the numeric order objects keep them in', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: { 2: true, 1: false } })).toBe('{"10":"b","9":"a","x":{"1":false,"2":true}}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
