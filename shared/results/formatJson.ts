/**
 * JSON for people to read: indented, but an object or array holding only plain values stays on one
 * line as JSON.stringify writes it (`"decisions": {"1":"for","2":"against"}`), which keeps a
 * 10,000-person results.json small and quick to write.
 */
export function formatJson(value: unknown, indent = 2): string {
  const parts: string[] = [];
  writeJson(value, (chunk) => parts.push(chunk), indent);
  return parts.join('');
}

/**
 * The text of formatJson in pieces, in order, without ever holding the whole: a results.json of
 * 600,000 persons goes to disk as it is made.
 */
export function writeJson(value: unknown, emit: (chunk: string) => void, indent = 2): void {
  write(value, '', ' '.repeat(indent), emit);
}

function isFlat(value: object): boolean {
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') return false;
  return true;
}

function write(value: unknown, pad: string, step: string, emit: (chunk: string) => void): void {
  if (value === null || typeof value !== 'object') {
    emit(JSON.stringify(value) ?? 'null');
    return;
  }
  if (isFlat(value)) {
    emit(JSON.stringify(value));
    return;
  }
  const inner = pad + step;
  if (Array.isArray(value)) {
    emit('[\n');
    for (let i = 0; i < value.length; i++) {
      emit(i === 0 ? inner : `,\n${inner}`);
      const v: unknown = value[i];
      write(v === undefined ? null : v, inner, step, emit);
    }
    emit(`\n${pad}]`);
    return;
  }
  let first = true;
  emit('{\n');
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    emit(`${first ? '' : ',\n'}${inner}${JSON.stringify(k)}: `);
    first = false;
    write(v, inner, step, emit);
  }
  emit(`\n${pad}}`);
}
