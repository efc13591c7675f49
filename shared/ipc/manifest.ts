/**
 * The package manifest: one line per file, `<sha256 hex>  <name>`, LF line ends, UTF-8 — the format
 * GNU `sha256sum -c manifest.sha256` verifies. Names never hold `\`, newlines or folders (the validators
 * refuse them), so no escaping is needed. Pure: shared by the Electron writer and the browser zip.
 */
export interface ManifestEntry {
  name: string;
  /** Lower-case hex SHA-256. */
  sha256: string;
}

export function formatManifest(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.name}\n`).join('');
}
