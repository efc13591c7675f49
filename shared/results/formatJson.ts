/**
 * JSON for people to read: indented, but an object or array holding only plain values stays on one
 * line (`"decisions": { "1": "for", "2": "against" }`), which keeps a 10,000-person results.json small.
 */
export function formatJson(value: unknown, indent = 2): string {
  return format(value, '', ' '.repeat(indent));
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function format(value: unknown, pad: string, step: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const flat = Object.values(value).every((v) => v === null || typeof v !== 'object');
  if (Array.isArray(value)) {
    const items = value.map((v) => (v === undefined ? null : v));
    if (items.length === 0) return '[]';
    if (flat) return `[${items.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = pad + step;
    return `[\n${items.map((v) => inner + format(v, inner, step)).join(',\n')}\n${pad}]`;
  }
  const entries = entriesOf(value);
  if (entries.length === 0) return '{}';
  if (flat) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  const inner = pad + step;
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, step)}`).join(',\n')}\n${pad}}`;
}
