/**
 * How much of a wide or long-celled file the import screen draws: the first columns (and any column
 * a field is mapped to) and the start of each cell. A file of 30,000 columns or a 3 MB cell is read in
 * full, but drawing it all would take the tab tens of seconds and gigabytes.
 */
import type { RegistryMapping } from '../../../shared/registry/parseRegistry';

export const COLUMNS_SHOWN = 200;
const CELL_SHOWN = 200;

/** The indexes of the columns drawn, in order: the first COLUMNS_SHOWN and the mapped ones after them. */
export function shownColumns(width: number, mapping: RegistryMapping): number[] {
  const shown = Array.from({ length: Math.min(width, COLUMNS_SHOWN) }, (_, c) => c);
  const mapped = Object.values(mapping).filter((c): c is number => c !== undefined && c >= COLUMNS_SHOWN);
  return [...shown, ...[...new Set(mapped)].sort((a, b) => a - b).filter((c) => c < width)];
}

/** A cell's text as drawn: at most CELL_SHOWN characters. */
export const shownText = (text: string | undefined): string =>
  text && text.length > CELL_SHOWN ? `${text.slice(0, CELL_SHOWN)}…` : (text ?? '');
