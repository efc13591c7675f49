/**
 * Turns any value IndexedDB can store into plain JSON and back, exactly. JSON alone loses binary data,
 * dates, `undefined`, NaN and ±Infinity, -0, BigInt, Map, Set and RegExp; each of those becomes a tagged
 * object `{ "$type": ..., "v": ... }`. A stored object that happens to own a `$type` key is itself wrapped
 * (`{ "$type": "object", "v": {...} }`), so no stored value is ever mistaken for a tag.
 *
 * Blobs and Files cannot be read synchronously (and shared/ has no DOM): the renderer turns them into
 * {@link BlobBytes} before encoding and back after decoding.
 */
import { base64ToBytes, bytesToBase64 } from './base64';

/** The content of a Blob (or a File, when `file` is set), readable without the DOM. */
export class BlobBytes {
  constructor(
    readonly bytes: Uint8Array,
    readonly type: string,
    readonly file?: { name: string; lastModified: number },
  ) {}
}

/** A value that cannot go into a backup (encoding) or a tag that is not valid (decoding). */
export class TaggedValueError extends Error {
  constructor(
    /** Where in the value, e.g. `holdings[0].area` (empty for the value itself). */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TAG = '$type';

/** The array views a backup can hold besides Uint8Array (which has its own tag). */
const VIEWS = {
  Int8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

type ViewName = keyof typeof VIEWS | 'DataView';

function kindOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function viewBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function tag(type: string, v?: Json, extra: Record<string, Json> = {}): Json {
  return v === undefined ? { [TAG]: type, ...extra } : { [TAG]: type, v, ...extra };
}

function encodeNumber(n: number): Json {
  if (Number.isNaN(n)) return tag('number', 'NaN');
  if (n === Infinity) return tag('number', 'Infinity');
  if (n === -Infinity) return tag('number', '-Infinity');
  if (Object.is(n, -0)) return tag('number', '-0');
  return n;
}

/** The JSON form of `value`; throws {@link TaggedValueError} for what IndexedDB could not hold either. */
export function toTagged(value: unknown, path = ''): Json {
  return encode(value, path, new Set());
}

function encode(value: unknown, path: string, ancestors: Set<object>): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return tag('bigint', value.toString());
    case 'undefined':
      return tag('undefined');
    case 'object':
      break;
    default:
      throw new TaggedValueError(path, `значение типа ${typeof value} нельзя сохранить`);
  }
  if (value === null) return null;
  if (value instanceof BlobBytes) {
    const extra: Record<string, Json> = { type: value.type };
    if (value.file) {
      extra.name = value.file.name;
      extra.lastModified = encodeNumber(value.file.lastModified);
    }
    return tag('blob', bytesToBase64(value.bytes), extra);
  }
  const kind = kindOf(value);
  switch (kind) {
    case 'Uint8Array':
      return tag('bytes', bytesToBase64(value as Uint8Array));
    case 'ArrayBuffer':
      return tag('arraybuffer', bytesToBase64(new Uint8Array(value as ArrayBuffer)));
    case 'DataView':
    case 'Int8Array':
    case 'Uint8ClampedArray':
    case 'Int16Array':
    case 'Uint16Array':
    case 'Int32Array':
    case 'Uint32Array':
    case 'Float32Array':
    case 'Float64Array':
    case 'BigInt64Array':
    case 'BigUint64Array':
      return tag('view', bytesToBase64(viewBytes(value as ArrayBufferView)), { view: kind });
    case 'Date': {
      const time = (value as Date).getTime();
      return tag('date', Number.isNaN(time) ? null : time);
    }
    case 'RegExp': {
      const re = value as RegExp;
      return tag('regexp', re.source, { flags: re.flags });
    }
    case 'Array':
    case 'Map':
    case 'Set':
    case 'Object':
      break;
    default:
      throw new TaggedValueError(path, `значение вида ${kind} нельзя сохранить`);
  }

  if (ancestors.has(value)) throw new TaggedValueError(path, 'значение ссылается само на себя');
  ancestors.add(value);
  let out: Json;
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (let i = 0; i < value.length; i += 1) items.push(encode(value[i], child(path, i), ancestors));
    out = items;
  } else if (kind === 'Map') {
    out = tag(
      'map',
      [...(value as Map<unknown, unknown>)].map(([k, v], i) => [
        encode(k, child(path, i), ancestors),
        encode(v, child(path, i), ancestors),
      ]),
    );
  } else if (kind === 'Set') {
    out = tag(
      'set',
      [...(value as Set<unknown>)].map((v, i) => encode(v, child(path, i), ancestors)),
    );
  } else {
    const obj = value as Record<string, unknown>;
    const entries = Object.keys(obj).map((k) => [k, encode(obj[k], child(path, k), ancestors)] as const);
    const plain = Object.fromEntries(entries) as { [key: string]: Json };
    out = Object.prototype.hasOwnProperty.call(obj, TAG) ? tag('object', plain) : plain;
  }
  ancestors.delete(value);
  return out;
}

/** The value a {@link toTagged} JSON form stands for; throws {@link TaggedValueError} on a broken tag. */
export function fromTagged(json: unknown, path = ''): unknown {
  if (json === null || typeof json === 'string' || typeof json === 'boolean') return json;
  if (typeof json === 'number') {
    if (!Number.isFinite(json)) throw new TaggedValueError(path, 'недопустимое число');
    return json;
  }
  if (Array.isArray(json)) return json.map((item, i) => fromTagged(item, child(path, i)));
  if (typeof json !== 'object') throw new TaggedValueError(path, `недопустимое значение (${typeof json})`);
  const obj = json as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(obj, TAG)) return decodeObject(obj, path);
  return decodeTag(obj, path);
}

function decodeObject(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  return Object.fromEntries(Object.keys(obj).map((k) => [k, fromTagged(obj[k], child(path, k))]));
}

function decodeTag(obj: Record<string, unknown>, path: string): unknown {
  const type = obj[TAG];
  const v = obj.v;
  const bad = (what: string) =>
    new TaggedValueError(path, `повреждено значение вида «${String(type)}»: ${what}`);
  const bytes = (): Uint8Array => {
    const decoded = typeof v === 'string' ? base64ToBytes(v) : null;
    if (!decoded) throw bad('двоичные данные не в кодировке Base64');
    return decoded;
  };
  switch (type) {
    case 'undefined':
      return undefined;
    case 'number':
      switch (v) {
        case 'NaN':
          return NaN;
        case 'Infinity':
          return Infinity;
        case '-Infinity':
          return -Infinity;
        case '-0':
          return -0;
        default:
          throw bad('неизвестное число');
      }
    case 'bigint':
      if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw bad('ожидалось целое число');
      return BigInt(v);
    case 'date':
      if (v === null) return new Date(NaN);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('ожидалось время в миллисекундах');
      return new Date(v);
    case 'regexp':
      if (typeof v !== 'string' || typeof obj.flags !== 'string') throw bad('ожидались текст и флаги');
      try {
        return new RegExp(v, obj.flags);
      } catch {
        throw bad('недопустимое регулярное выражение');
      }
    case 'bytes':
      return bytes();
    case 'arraybuffer':
      return bytes().buffer;
    case 'view': {
      const name = obj.view as ViewName;
      const raw = bytes();
      if (name === 'DataView') return new DataView(raw.buffer);
      if (!Object.prototype.hasOwnProperty.call(VIEWS, name)) {
        throw bad(`неизвестный вид массива «${String(name)}»`);
      }
      const View: new (buffer: ArrayBuffer) => ArrayBufferView = VIEWS[name];
      const size = (View as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
      if (raw.byteLength % size !== 0) throw bad('длина не кратна размеру элемента');
      return new View(raw.buffer as ArrayBuffer);
    }
    case 'blob': {
      if (typeof obj.type !== 'string') throw bad('не указан тип содержимого');
      if (obj.name === undefined) return new BlobBytes(bytes(), obj.type);
      const lastModified = fromTagged(obj.lastModified, child(path, 'lastModified'));
      if (typeof obj.name !== 'string' || typeof lastModified !== 'number')
        throw bad('неполные сведения о файле');
      return new BlobBytes(bytes(), obj.type, { name: obj.name, lastModified });
    }
    case 'map':
      if (!Array.isArray(v) || !v.every((e) => Array.isArray(e) && e.length === 2))
        throw bad('ожидались пары');
      return new Map(
        v.map((e: unknown[], i) => [fromTagged(e[0], child(path, i)), fromTagged(e[1], child(path, i))]),
      );
    case 'set':
      if (!Array.isArray(v)) throw bad('ожидался список');
      return new Set(v.map((e, i) => fromTagged(e, child(path, i))));
    case 'object':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('ожидался объект');
      return decodeObject(v as Record<string, unknown>, path);
    default:
      throw new TaggedValueError(path, `неизвестный вид значения «${String(type).slice(0, 40)}»`);
  }
}

/** Every binary value (Uint8Array, ArrayBuffer, array views, BlobBytes) inside a decoded value. */
export function countBinary(value: unknown, acc = { count: 0, bytes: 0 }): { count: number; bytes: number } {
  if (value === null || typeof value !== 'object') return acc;
  if (value instanceof BlobBytes) {
    acc.count += 1;
    acc.bytes += value.bytes.byteLength;
  } else if (ArrayBuffer.isView(value) || kindOf(value) === 'ArrayBuffer') {
    acc.count += 1;
    acc.bytes += (value as ArrayBufferLike).byteLength;
  } else if (Array.isArray(value) || value instanceof Set) {
    for (const item of value) countBinary(item, acc);
  } else if (value instanceof Map) {
    for (const [k, v] of value) {
      countBinary(k, acc);
      countBinary(v, acc);
    }
  } else if (kindOf(value) === 'Object') {
    for (const item of Object.values(value)) countBinary(item, acc);
  }
  return acc;
}
