import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from '../test/fixtures/sourceFiles';
import { parseChannelCell, parseMarkCell, parseVoidCell } from './ballots/cellValues';
import type { Mark, VoidReason } from './domain/types';
import {
  BATCH_MARK_WORD,
  BATCH_VOID_WORD,
  CHANNEL_LABEL,
  MARK_ABBREVIATION,
  MARK_EXPLANATION,
  MARK_LABEL,
  STATUS_FULL_LABEL,
  STATUS_LABEL,
} from './vocabulary';

const THIS_MODULE = 'shared/vocabulary.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
/** The domain's enums whose Russian labels live in the vocabulary. */
const ENUM_TYPES =
  /Record<\s*(Channel|PersonStatus|MeetingForm|MeetingKind|Mark|Decision|Choice|TallyKey|VoidReason|GosuslugiValue|MeetingSpec\['form'\]|Rule\['(majority|electorate|base)'\]|NonNullable<Rule\['base'\]>|LiveQuestion\['decision'\]|ProtocolQuestion\['decision'\])\s*,\s*string\s*>/;
/** A value only these enums have, mapped to Russian text: `abstain: 'воздержался'`. */
const ENUM_KEY_TO_RUSSIAN =
  /\b(abstain|all_crossed|in_person|gosuslugi|gardener|two_thirds|members_and_gardeners|no_signature|no_power_of_attorney|extraordinary|no_quorum)\s*:\s*['`"][^'`"]*[\u0400-\u04FF]/;
/** Keys of other enums that happen to share a name (`file:key`), each with its enum. */
const OTHER_ENUMS = new Set([
  'shared/omr/classify.ts:no_signature', // ReviewReason: what the scan reader could not find
  'shared/audit/auditCatalogue.ts:gosuslugi', // AuditGroup: a group of the journal's filter
]);

function labelMapsOutsideVocabulary(): string[] {
  const found: string[] = [];
  for (const name of sourceFiles(['shared', 'renderer', 'cli', 'electron'])) {
    if (name === THIS_MODULE) continue;
    const lines = readSource(name).split('\n');
    lines.forEach((line, i) => {
      const typed = ENUM_TYPES.exec(line);
      if (typed && /=\s*\{/.test(line)) {
        const body = lines.slice(i, i + 12).join('\n');
        const end = body.indexOf('}');
        if (CYRILLIC.test(body.slice(0, end))) found.push(`${name}:${i + 1} ${typed[0]}`);
      }
      const keyed = ENUM_KEY_TO_RUSSIAN.exec(line);
      if (keyed && !OTHER_ENUMS.has(`${name}:${keyed[1]}`)) found.push(`${name}:${i + 1} ${keyed[0]}`);
    });
  }
  return found;
}

describe('one vocabulary for the enums', () => {
  it('no label map of a domain enum is defined outside shared/vocabulary.ts', () => {
    expect(labelMapsOutsideVocabulary()).toEqual([]);
  });

  it('the guard sees a map written elsewhere (checked on this very file’s pattern)', () => {
    expect(ENUM_TYPES.test("const X: Record<Channel, string> = { paper: 'бумага' };")).toBe(true);
    expect(ENUM_KEY_TO_RUSSIAN.test("  abstain: 'возд.',")).toBe(true);
    expect(ENUM_KEY_TO_RUSSIAN.test("  воздержался: 'abstain',")).toBe(false);
  });

  it('one wording per register: «зачёркнуты» with ё, the same three channels everywhere', () => {
    expect(MARK_LABEL.all_crossed).toBe('все зачёркнуты');
    expect(CHANNEL_LABEL).toEqual({ gosuslugi: 'Госуслуги', paper: 'бумажный бюллетень', in_person: 'очно' });
    // The plain choices read the same in every register.
    for (const c of ['for', 'against', 'abstain'] as const) {
      expect(MARK_EXPLANATION[c]).toBe(MARK_LABEL[c]);
    }
    expect(MARK_ABBREVIATION.for).toBe(MARK_LABEL.for);
    expect(STATUS_FULL_LABEL.gardener).toBe(STATUS_LABEL.gardener);
  });

  it('the batch file words read back as what they say (the file reader is the reference)', () => {
    for (const mark of Object.keys(BATCH_MARK_WORD) as Mark[]) {
      expect(parseMarkCell(BATCH_MARK_WORD[mark])).toBe(mark);
    }
    for (const reason of Object.keys(BATCH_VOID_WORD) as VoidReason[]) {
      expect(parseVoidCell(BATCH_VOID_WORD[reason])).toEqual([reason]);
    }
    expect(parseChannelCell('очно')).toBe('in_person');
  });
});
