import type { PartnershipKind, PersonStatus } from '../domain/types';
import { normalizeHeader } from '../spreadsheet/header';

/**
 * What the status cells of a registry say, as secretaries really write them. Built-in entries cover the
 * common ways; a value the importer does not know is mapped once by the user, and that mapping is
 * remembered for the partnership (`StatusValues`) and used by later imports and by the command line.
 */

/** The user's mappings of status values: statusValueKey(text) -> status. */
export type StatusValues = Readonly<Record<string, PersonStatus>>;

/** The form in which a status value is looked up: case, `ё`, punctuation and brackets do not matter. */
export function statusValueKey(text: string): string {
  return normalizeHeader(text);
}

/** Status values every import knows, exactly as they are written (looked up by statusValueKey). */
export const STATUS_VOCABULARY: readonly { text: string; status: PersonStatus }[] = [
  { text: 'член', status: 'member' },
  { text: 'член СНТ', status: 'member' },
  { text: 'член товарищества', status: 'member' },
  { text: 'член ТСН', status: 'member' },
  { text: 'является членом', status: 'member' },
  { text: 'да', status: 'member' },
  { text: '+', status: 'member' },
  { text: 'ч', status: 'member' },
  { text: 'не член', status: 'gardener' },
  { text: 'н/ч', status: 'gardener' },
  { text: 'нет', status: 'gardener' },
  { text: 'без членства', status: 'gardener' },
  { text: 'садовод без членства', status: 'gardener' },
  { text: 'садовод (не член)', status: 'gardener' },
  { text: 'инд.', status: 'gardener' },
  { text: 'индивидуал', status: 'gardener' },
  { text: 'ИС', status: 'gardener' },
  { text: 'индивидуальный садовод', status: 'gardener' },
  { text: 'ведущий садоводство без участия в товариществе', status: 'gardener' },
  { text: 'собственник', status: 'gardener' },
  { text: 'правообладатель', status: 'gardener' },
];

const BUILT_IN = new Map(STATUS_VOCABULARY.map((e) => [statusValueKey(e.text), e.status]));

/**
 * Status from a cell. The user's mappings first, then the built-in vocabulary, then the common shapes:
 * starting with `не`/`нет`/`без`, containing `без членства`/`без участия`, `индивидуальн…`, `садовод…`
 * -> gardener; starting with `член` -> member; `собственник …` -> gardener. In an apartment building
 * everyone is an owner. Null when unknown (an empty cell included).
 */
export function parseStatusCell(
  text: string,
  kind: PartnershipKind,
  learned: StatusValues = {},
): PersonStatus | null {
  if (kind === 'mkd') return 'owner';
  const v = statusValueKey(text);
  if (v === '') return learned[''] ?? null;
  const known = learned[v] ?? BUILT_IN.get(v);
  if (known) return known;
  if (
    /^(не|нет|без)( |$)/.test(v) ||
    /без (членства|участия)/.test(v) ||
    /(^| )(индивидуальн|садовод)/.test(v)
  ) {
    return 'gardener';
  }
  if (/^член( |$)/.test(v)) return 'member';
  if (/^(собственник|правообладатель)( |$)/.test(v)) return 'gardener';
  return null;
}
