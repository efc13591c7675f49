import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { base64ToBytes, bytesToBase64 } from './base64';
import { BlobBytes, countBinary, fromTagged, TaggedValueError, toTagged } from './taggedValue';

const INVALID_DATE = Object.freeze({ invalidDate: true });

/**
 * A copy of `x` with every invalid date (of any depth, also in Map keys) replaced by INVALID_DATE; arrays,
 * Maps, Sets and objects copied with their prototypes and own properties, anything else as it is.
 */
function invalidDatesMarked(x: unknown): unknown {
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? INVALID_DATE : x;
  if (Array.isArray(x)) return x.map(invalidDatesMarked);
  if (x instanceof Map)
    return new Map([...x].map(([k, v]) => [invalidDatesMarked(k), invalidDatesMarked(v)]));
  if (x instanceof Set) return new Set([...x].map(invalidDatesMarked));
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x)) return x;
  const copy = Object.create(Object.getPrototypeOf(x) as object | null) as Record<string, unknown>;
  for (const key of Reflect.ownKeys(x)) {
    const d = Object.getOwnPropertyDescriptor(x, key)!;
    Object.defineProperty(copy, key, { ...d, value: invalidDatesMarked(d.value) });
  }
  return copy;
}

/** Through JSON text and back, as in a backup file. */
function roundTrip(value: unknown): unknown {
  return fromTagged(JSON.parse(JSON.stringify(toTagged(value))));
}

describe('base64', () => {
  test('agrees with Node for every length around the padding cases and for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  test('encodes inputs larger than one internal chunk', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) & 255);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('refuses text that is not padded Base64', () => {
    for (const bad of ['abc', 'ab=c', '@@@@', 'ab==cd==', 'Zg=', 'Жж=='])
      expect(base64ToBytes(bad)).toBeNull();
  });
});

describe('tagged values', () => {
  const key = fc.oneof(fc.string(), fc.constantFrom('$type', 'v', '__proto__', 'constructor', '0', '10'));
  const leaf = fc.oneof(
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: false,
      withSparseArray: false,
      withBoxedValues: false,
      withObjectString: false,
    }),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node')),
      fc.dictionary(key, tie('node'), { noNullPrototype: true }),
    ),
  })).node;

  test('every storable value comes back exactly after a trip through JSON text', () => {
    fc.assert(
      // Node's strict deep equality: prototypes, -0, NaN, undefined members, Map/Set/typed array contents
      // (toStrictEqual would also compare own `constructor` members by identity). Node 20 finds two invalid
      // dates unequal (it compares their times, NaN), so each is put as one marker on both sides first.
      fc.property(value, (v) => isDeepStrictEqual(invalidDatesMarked(roundTrip(v)), invalidDatesMarked(v))),
      { numRuns: 300 },
    );
  });

  test('binary values, blobs and files keep their bytes, type and name', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const buffer = new Uint8Array([9, 8, 7, 6]).buffer;
    const view = new Uint16Array(new Uint8Array([1, 0, 2, 0, 3, 0]).buffer, 2, 2);
    const value = {
      scan: new BlobBytes(bytes, 'image/jpeg'),
      original: new BlobBytes(new Uint8Array([1]), 'application/pdf', {
        name: 'Бюллетень 12.pdf',
        lastModified: 5,
      }),
      buffer,
      view,
      data: new DataView(new Uint8Array([4, 5]).buffer),
    };
    const back = roundTrip(value) as typeof value;
    expect(back.scan).toBeInstanceOf(BlobBytes);
    expect(back.scan).toEqual(new BlobBytes(bytes, 'image/jpeg'));
    expect(back.original.file).toEqual({ name: 'Бюллетень 12.pdf', lastModified: 5 });
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array([9, 8, 7, 6]));
    expect(back.view).toBeInstanceOf(Uint16Array);
    expect([...back.view]).toEqual([2, 3]);
    expect(back.data.getUint8(1)).toBe(5);
    expect(countBinary(value)).toEqual({ count: 5, bytes: 5 + 1 + 4 + 4 + 2 });
  });

  test('an invalid date stays an invalid date', () => {
    const back = roundTrip({ at: new Date(NaN) }) as { at: Date };
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBeNaN();
  });

  test('a stored object owning a `$type` key is not taken for a tag', () => {
    const value = { $type: 'bytes', v: 'AAAA' };
    expect(toTagged(value)).toEqual({ $type: 'object', v: { $type: 'bytes', v: 'AAAA' } });
    expect(roundTrip(value)).toStrictEqual(value);
  });

  test('values IndexedDB cannot hold either are refused with the field named', () => {
    expect(() => toTagged({ a: { f: () => 1 } })).toThrow(TaggedValueError);
    expect(() => toTagged({ a: [1, Symbol('x')] })).toThrow('значение типа symbol нельзя сохранить');
    try {
      toTagged({ person: { holdings: [{ err: new Error('x') }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TaggedValueError);
      expect((e as TaggedValueError).field).toBe('person.holdings[0].err');
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toTagged(cyclic)).toThrow('значение ссылается само на себя');
  });

  test('a shared (not cyclic) reference is stored twice, not refused', () => {
    const shared = { a: 1 };
    expect(roundTrip({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  test('broken tags are refused with the place and the reason', () => {
    const cases: [unknown, string, string][] = [
      [{ rows: [{ $type: 'bytes', v: '***' }] }, 'rows[0]', 'не в кодировке Base64'],
      [{ a: { $type: 'teleport' } }, 'a', 'неизвестный вид значения «teleport»'],
      [{ a: { $type: 'bigint', v: '1.5' } }, 'a', 'ожидалось целое число'],
      [{ a: { $type: 'view', v: 'AA==', view: 'Uint16Array' } }, 'a', 'длина не кратна'],
      [{ a: { $type: 'view', v: 'AAAA', view: 'toString' } }, 'a', 'неизвестный вид массива'],
      [{ a: { $type: 'map', v: [[1]] } }, 'a', 'ожидались пары'],
      [{ a: { $type: 'number', v: '42' } }, 'a', 'неизвестное число'],
    ];
    for (const [json, field, message] of cases) {
      try {
        fromTagged(json);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TaggedValueError);
        expect((e as TaggedValueError).field).toBe(field);
        expect((e as TaggedValueError).message).toContain(message);
      }
    }
  });
});
