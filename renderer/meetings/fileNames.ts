/** `Бюллетени — Собрание 2026.pdf`: a plain file name any file system accepts, short enough for the platform. */
export function documentFileName(prefix: string, title: string, ext = 'pdf'): string {
  const clean = (s: string) =>
    [...s]
      .map((ch) =>
        ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '<>:"|?*/\\'.includes(ch) ? ' ' : ch,
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  let t = clean(title);
  if (t.length > 80) t = `${t.slice(0, 79).trimEnd()}…`;
  const base = t ? `${clean(prefix)} — ${t}` : clean(prefix);
  return `${base.replace(/[. ]+$/, '')}.${ext}`;
}
