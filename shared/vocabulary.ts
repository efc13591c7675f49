/**
 * The Russian words for the domain's enums, in one place: channels, person statuses, meeting forms and
 * kinds, marks and decisions, question outcomes, rules, void reasons. Every screen, document, message and
 * the CLI take their labels from here (`vocabulary.test.ts` fails if a label map of these enums is
 * defined anywhere else).
 *
 * Each enum has one label map. A second map exists only for a different grammatical job, and says so:
 * a column heading, a phrase inside a sentence, an abbreviation for a narrow column, an explanation,
 * or a word of the ballot batch file's format.
 */
import type { Channel, Choice, Mark, MeetingForm, PersonStatus, Rule, VoidReason } from './domain/types';

type Decision = Mark | 'conflict';
type TallyKey = Choice | 'invalid' | 'conflict';
type Outcome = 'adopted' | 'rejected' | 'no_quorum';

/** How a vote reached the commission. */
export const CHANNEL_LABEL: Record<Channel, string> = {
  gosuslugi: 'Госуслуги',
  paper: 'бумажный бюллетень',
  in_person: 'очно',
};

/** Column headings of the results by channel (plural: «Бумажные» ballots). */
export const CHANNEL_HEADING: Record<Channel, string> = {
  paper: 'Бумажные',
  in_person: 'Очно',
  gosuslugi: 'Госуслуги',
};

/** A person's status in the registry (short: tables, lists, messages). */
export const STATUS_LABEL: Record<PersonStatus, string> = {
  member: 'член',
  gardener: 'садовод без членства',
  owner: 'собственник',
};

/** A person's status in full, as the printed notice and ballots name it. */
export const STATUS_FULL_LABEL: Record<PersonStatus, string> = {
  member: 'член товарищества',
  gardener: 'садовод без членства',
  owner: 'собственник помещения',
};

/** очная / очно-заочная / заочная (the meeting's form, nominative feminine). */
export const FORM_LABEL: Record<MeetingForm, string> = {
  in_person: 'очная',
  mixed: 'очно-заочная',
  remote: 'заочная',
};

/** The form inside a sentence: «в форме очно-заочного голосования». */
export const FORM_PHRASE: Record<MeetingForm, string> = {
  in_person: 'в форме очного голосования (совместного присутствия)',
  mixed: 'в форме очно-заочного голосования',
  remote: 'в форме заочного голосования',
};

/** очередное (regular, yearly) or внеочередное (extraordinary). */
export const MEETING_KIND_LABEL: Record<'regular' | 'extraordinary', string> = {
  regular: 'очередное',
  extraordinary: 'внеочередное',
};

/** A mark on a ballot, or a person's decision on a question: tables, journal, reconciliation. */
export const MARK_LABEL: Record<Decision, string> = {
  for: 'за',
  against: 'против',
  abstain: 'воздержался',
  several: 'несколько отметок',
  all_crossed: 'все зачёркнуты',
  none: 'нет отметки',
  conflict: 'конфликт',
};

/** The same in narrow columns (the protocol PDF's tables, the desk's list of ballots). */
export const MARK_ABBREVIATION: Record<Decision, string> = {
  for: 'за',
  against: 'против',
  abstain: 'возд.',
  several: 'неск.',
  all_crossed: 'зачёрк.',
  none: 'нет отм.',
  conflict: 'конфл.',
};

/** The same explained in words (the tally's explanations of a person's vote). */
export const MARK_EXPLANATION: Record<Decision, string> = {
  for: 'за',
  against: 'против',
  abstain: 'воздержался',
  several: 'отмечено несколько вариантов',
  all_crossed: 'все варианты зачёркнуты',
  none: 'ничего не отмечено',
  conflict: 'разные решения в бюллетенях',
};

/** An answer in the Gosuslugi results as the import writes it back (capitalised, as the file has it). */
export const GOSUSLUGI_ANSWER_LABEL: Record<Choice | 'none', string> = {
  for: 'За',
  against: 'Против',
  abstain: 'Воздержался',
  none: '—',
};

/** A mark compared with a Gosuslugi answer (the corrected-file diff). */
export const GOSUSLUGI_MARK_LABEL: Record<Mark, string> = {
  for: 'За',
  against: 'Против',
  abstain: 'Воздержался',
  none: 'нет ответа',
  several: 'несколько отметок',
  all_crossed: 'все зачёркнуты',
};

/** Headings of a question's figures (results workbook; the protocol adds «(не учтено)» to the conflict). */
export const TALLY_LABEL: Record<TallyKey, string> = {
  for: 'За',
  against: 'Против',
  abstain: 'Воздержались',
  invalid: 'Недействительно',
  conflict: 'Конфликт',
};

/** A question's outcome (results screen, protocol check). */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  adopted: 'принято',
  rejected: 'не принято',
  no_quorum: 'нет кворума',
};

/** A question's outcome as the protocol's sentence. */
export const OUTCOME_SENTENCE: Record<Outcome, string> = {
  adopted: 'Решение принято',
  rejected: 'Решение не принято',
  no_quorum: 'Решение не принято: нет кворума',
};

/** Why a paper ballot is void as a whole (the desk's flags). */
export const VOID_REASON_LABEL: Record<VoidReason, string> = {
  no_signature: 'нет подписи',
  no_details: 'нет данных голосующего',
  pencil: 'заполнен карандашом',
  corrections: 'исправления',
  no_power_of_attorney: 'представитель без доверенности',
};

/** The majority a question needs. */
export const MAJORITY_LABEL: Record<Rule['majority'], string> = {
  simple: 'простое большинство (более половины)',
  two_thirds: 'квалифицированное большинство (2/3)',
  unanimous: 'единогласно (100%)',
};

/** Who votes on a question. */
export const ELECTORATE_LABEL: Record<Rule['electorate'], string> = {
  members: 'только члены товарищества',
  members_and_gardeners: 'члены и садоводы без членства',
};

/** What the majority is counted from. */
export const BASE_LABEL: Record<NonNullable<Rule['base']>, string> = {
  participants: 'от голосов принявших участие',
  all: 'от общего числа голосов',
};

/** Words of the ballot batch file's cells (docs/ballot-batch.md; `ballots/cellValues` reads them back). */
export const BATCH_MARK_WORD: Record<Mark, string> = {
  for: 'за',
  against: 'против',
  abstain: 'воздержался',
  several: 'несколько',
  all_crossed: 'все зачеркнуты',
  none: '',
};

/** Void reasons as the ballot batch file writes them. */
export const BATCH_VOID_WORD: Record<VoidReason, string> = {
  no_signature: 'нет подписи',
  no_details: 'нет реквизитов',
  pencil: 'карандаш',
  corrections: 'исправления',
  no_power_of_attorney: 'нет доверенности',
};

/** «за» -> «За». */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
