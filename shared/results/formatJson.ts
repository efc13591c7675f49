/**
 * JSON for people to read: indented, but an object or array holding only plain values stays on one
 * line as JSON.stringify writes it (`"decisions": {"1":"for","2":"against"}`), which keeps a
 * 10,000-person results.json small and quick to write.
 */
export function formatJson(value: unknown, indent = 2): string {
  return format(value, '', ' '.repeat(indent));
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function format(value: unknown, pad: string, step: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  let flat = true;
  for (const v of Object.values(value)) {
    if (v !== null && typeof v === 'object') {
      flat = false;
      break;
    }
  }
  if (flat) return JSON.stringify(value);
  if (Array.isArray(value)) {
    const inner = pad + step;
    return `[\n${value.map((v) => inner + format(v === undefined ? null : v, inner, step)).join(',\n')}\n${pad}]`;
  }
  const entries = entriesOf(value);
  const inner = pad + step;
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, step)}`).join(',\n')}\n${pad}}`;
}
