/**
 * The protocol (протокол общего собрания) as plain data: every text and figure that the preview, the
 * PDF and the results workbook show, so the three always print the same. Built from the tally (the
 * figures of results.json, formatted only), the meeting, the registry and the ballots as given.
 *
 * Plain data, structured-clone safe: no class instances, no BigInt, no functions.
 */
import { fromInt, isZero, mul, rational, toDecimal, type Rational } from '../arith/rational';
import type {
  Ballot,
  Channel,
  IsoDate,
  MeetingSpec,
  Partnership,
  Person,
  PersonStatus,
} from '../domain/types';
import { addDays, dayNumber, formatDateRu, formatDays } from '../meetings/dates';
import {
  DEFAULT_PROTOCOL_DUE_DAYS,
  MEETING_FORM_LABELS,
  MEETING_KIND_LABELS,
  type Meeting,
} from '../meetings/meeting';
import { buildResults, type Figure, type ResultsJson } from '../results/buildResults';
import type { RuleProfile } from '../rules/profile';
import { CHANNEL_TEXT, dateRu, MARK_TEXT } from '../tally/explain';
import type { BallotOutcome, Decision, TallyResult } from '../tally/types';
import { acceptedBallotIds } from '../tally/votes';
import { formatFigure, formatPercent } from './figuresRu';
import { meetingOfPhrase } from './wording';

/** The app's meeting record, or just the tally's meeting spec (command line). */
export type ProtocolMeeting = MeetingSpec & Partial<Omit<Meeting, keyof MeetingSpec>>;

export interface ProtocolSource {
  meeting: ProtocolMeeting;
  partnership?: Pick<Partnership, 'name'> & Partial<Pick<Partnership, 'address' | 'inn' | 'ogrn'>>;
  /** The registry snapshot the tally ran on (registry order). */
  registry: readonly Person[];
  /** Every ballot given to the tally (representatives and marks are read from them). */
  ballots: readonly Ballot[];
  profile: RuleProfile;
  result: TallyResult;
  /** results.json of this tally when already built (it is built here otherwise). */
  results?: ResultsJson;
}

export interface ProtocolOptions {
  /** A copy for publication: СНИЛС printed as `***-***-789 01`. */
  maskSnils: boolean;
  /** SHA-256 of the audit chain's last entry, printed so a paper protocol can be matched to its data. */
  auditHeadHash?: string;
  /** Today's date; the protocol's date unless `date` or the meeting's protocol date is given. */
  today: IsoDate;
  /** Protocol number (e.g. `3`); printed as a blank to fill in when absent. */
  number?: string;
  /** Date the protocol is drawn up. */
  date?: IsoDate;
}

export interface ProtocolFact {
  label: string;
  value: string;
}

/** A figure of the summary: kept as a number or an exact decimal string; `text` is how it prints. */
export interface ProtocolFigure {
  label: string;
  /** count: persons; weight: votes (exact decimal string for МКД); share: decimal string 0..1 (4 places). */
  kind: 'count' | 'weight' | 'share' | 'text';
  value: Figure;
  text: string;
}

export type TallyKey = 'for' | 'against' | 'abstain' | 'invalid' | 'conflict';

export interface ProtocolTallyRow {
  key: TallyKey;
  label: string;
  value: Figure;
  /** Share of the base in percent as a decimal string (`47.37`); null when the base is zero. */
  percent: string | null;
  /** Persons behind the figure, when the figures are weights (МКД). */
  persons?: number;
}

export interface ProtocolQuestion {
  number: number;
  text: string;
  proposal?: string;
  /** The rule in plain Russian with where it came from (describeRule). */
  rule: string;
  majority: ResultsJson['questions'][number]['majority'];
  electorate: ResultsJson['questions'][number]['electorate'];
  rows: ProtocolTallyRow[];
  base: Figure;
  baseLabel: string;
  /** Participants in this question's electorate (persons). */
  electorateParticipants: number;
  /** Marks of voters outside the electorate, not counted. */
  ignored: number;
  /**
   * Members (owners) who voted on the question (for, against or abstain) out of all; `applies`: the
   * 217-ФЗ (2024) requirement of more than half holds for this form of meeting.
   */
  questionQuorum: {
    applies: boolean;
    voted: number;
    total: number;
    reached: boolean;
    affectsDecision: boolean;
    text: string;
  };
  /** Set when the item may not be decided in the remote form. */
  remoteForbidden: string | null;
  decision: 'adopted' | 'rejected' | 'no_quorum';
  decisionText: string;
  /** Share of the base the decision needs (0.5, 2/3, 1) and how to say it, for the chart. */
  threshold: { share: number; label: string };
}

export type CellValue = string | number | null;

/** text: words; count: an integer; weight: an exact decimal string (2 places); decision: a decision word. */
export type ColumnKind = 'text' | 'count' | 'weight' | 'decision';

export interface ProtocolColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width in the PDF (about millimetres at the table's font size). */
  width: number;
}

export type TableKey =
  | 'participants'
  | 'attendance'
  | 'rejected'
  | 'representatives'
  | 'conflicts'
  | 'scan_differences'
  | 'unmatched'
  | 'registry'
  | 'decisions';

export interface ProtocolTable {
  key: TableKey;
  title: string;
  /** Worksheet name (at most 31 characters). */
  sheetName: string;
  note?: string;
  columns: ProtocolColumn[];
  rows: CellValue[][];
  /** Printed as an appendix of the PDF; numbered in order among those that are. */
  inPdf: boolean;
  /** Written as a sheet of the results workbook. */
  inWorkbook: boolean;
}

export interface ProtocolSignature {
  role: string;
  name: string;
}

export interface ProtocolModel {
  kind: MeetingSpec['kind'];
  /** Figures are weights (area shares or plots), not head counts. */
  weighted: boolean;
  /** Unit of the weights (`кв. м` for area shares). */
  weightUnit: string;
  maskSnils: boolean;
  partnership: { name: string; address: string; details: string };
  /** `ПРОТОКОЛ № 3` (or `№ ____` without a number). */
  title: string;
  number: string;
  /** `очередного общего собрания членов товарищества`. */
  subtitle: string;
  meetingTitle: string;
  date: IsoDate;
  dateText: string;
  facts: ProtocolFact[];
  figures: ProtocolFigure[];
  quorum: { reached: boolean; share: string; percent: string; rule: string; text: string };
  questions: ProtocolQuestion[];
  due: { days: number; date: IsoDate | null; text: string; late: boolean; warning: string | null };
  signatures: ProtocolSignature[];
  auditHeadHash: string | null;
  tables: ProtocolTable[];
}

/** Decision words of the tables (the workbook writes them, its reader maps them back). */
export const DECISION_WORDS: Record<Decision, string> = {
  for: 'за',
  against: 'против',
  abstain: 'воздержался',
  several: 'несколько отметок',
  all_crossed: 'все зачёркнуты',
  none: 'нет отметки',
  conflict: 'конфликт',
};
/** A participant with no decision on a question: not in its electorate. */
export const NOT_VOTING_WORD = 'не голосует';

const CHANNEL_ORDER: Channel[] = ['gosuslugi', 'paper', 'in_person'];
export const CHANNEL_WORDS: Record<Channel, string> = {
  gosuslugi: 'Госуслуги',
  paper: 'бумага',
  in_person: 'очно',
};
const STATUS_WORDS: Record<PersonStatus, string> = {
  member: 'член',
  gardener: 'садовод',
  owner: 'собственник',
};
const UNMATCHED_TEXT: Record<ResultsJson['unmatched'][number]['reason'], string> = {
  not_found: 'нет в реестре',
  ambiguous: 'в реестре подходят несколько человек',
  no_details: 'нет данных для сопоставления',
};
const STATUS_OF_BALLOT: Record<BallotOutcome['status'], string> = {
  accepted: 'принят',
  rejected: 'не принят',
  unmatched: 'не сопоставлен',
  scan_merged: 'скан, учтён оригинал',
};
const DECISION_TEXT: Record<ProtocolQuestion['decision'], string> = {
  adopted: 'Решение принято',
  rejected: 'Решение не принято',
  no_quorum: 'Решение не принято: нет кворума',
};

/** `12345678901` -> `***-***-789 01`. */
export function maskSnils(digits: string): string {
  return /^\d{11}$/.test(digits) ? `***-***-${digits.slice(6, 9)} ${digits.slice(9)}` : '***';
}

function snilsText(digits: string | undefined, masked: boolean): string {
  if (!digits) return '';
  if (masked) return maskSnils(digits);
  return /^\d{11}$/.test(digits)
    ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`
    : digits;
}

function holdingsText(person: Person | undefined): string {
  return (person?.holdings ?? [])
    .map((h) => (h.share ? `${h.plotNumber} (${h.share})` : h.plotNumber))
    .join(', ');
}

function percentOf(part: Rational, base: Rational): string | null {
  if (isZero(base)) return null;
  return toDecimal(mul(rational(part.n * base.d, part.d * base.n), fromInt(100)), 2);
}

/** The protocol of a tallied meeting. */
export function buildProtocolModel(source: ProtocolSource, options: ProtocolOptions): ProtocolModel {
  const { meeting, profile, result, registry } = source;
  const results = source.results ?? buildResults(result, meeting, profile);
  const kind = meeting.kind;
  const mkd = kind === 'mkd';
  const weighted = profile.weight !== 'person';
  const weightUnit = profile.weight === 'area_share' ? 'кв. м' : profile.weight === 'plot' ? 'участков' : '';
  const masked = options.maskSnils;
  const date = options.date ?? meeting.protocolDate ?? options.today;
  const number = options.number?.trim() ?? '';

  const personsById = new Map(registry.map((p) => [p.id, p]));
  const ballotsById = new Map(source.ballots.map((b) => [b.id, b]));
  const outcomesById = new Map(result.ballots.map((b) => [b.ballotId, b]));
  const namesById = new Map(result.persons.map((p) => [p.personId, p.fullName]));

  const who = mkd ? 'собственников помещений в многоквартирном доме' : 'членов товарищества';
  const subtitle = meeting.meetingKind
    ? meetingOfPhrase(kind, meeting.meetingKind)
    : `общего собрания ${who}`;

  const w = (f: Figure): string =>
    weighted && weightUnit ? `${formatFigure(f)} ${weightUnit}` : formatFigure(f);

  // Facts: where, when, how.
  const facts: ProtocolFact[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value?.trim()) facts.push({ label, value: value.trim() });
  };
  if (meeting.meetingKind) add('Вид собрания', MEETING_KIND_LABELS[meeting.meetingKind]);
  add('Форма проведения', MEETING_FORM_LABELS[meeting.form]);
  if (meeting.votingStart && meeting.votingEnd) {
    add(
      'Период голосования',
      `с ${formatDateRu(meeting.votingStart)} по ${formatDateRu(meeting.votingEnd)} включительно`,
    );
  }
  if (meeting.form !== 'remote' && (meeting.sessionDate || meeting.sessionPlace)) {
    const when = [formatDateRu(meeting.sessionDate), meeting.sessionTime ? `в ${meeting.sessionTime}` : '']
      .filter(Boolean)
      .join(' ');
    add('Очная часть', [when, meeting.sessionPlace].filter(Boolean).join(', '));
  }
  if (meeting.form !== 'in_person' && (meeting.paperBallotDeadline || meeting.paperBallotAddress)) {
    const until = meeting.paperBallotDeadline ? `до ${formatDateRu(meeting.paperBallotDeadline)}` : '';
    add('Приём бумажных бюллетеней', [until, meeting.paperBallotAddress].filter(Boolean).join(', '));
  }
  add('Подсчёт голосов', [formatDateRu(meeting.countDate), meeting.countPlace].filter(Boolean).join(', '));
  add('Председательствующий', meeting.chair);
  add('Секретарь', meeting.secretary);
  add(
    'Подсчёт голосов провела счётная комиссия',
    (meeting.countingCommission ?? []).filter((n) => n.trim()).join(', ') || 'состав не указан',
  );
  add('Правила подсчёта', countingRules(results, profile));

  // Figures: the registry, participation, quorum.
  const r = results.registry;
  const p = results.participation;
  const figures: ProtocolFigure[] = [];
  const fig = (label: string, kind: ProtocolFigure['kind'], value: Figure): void => {
    figures.push({
      label,
      kind,
      value,
      text:
        kind === 'weight'
          ? w(value)
          : kind === 'share'
            ? formatPercent(sharePercent(String(value)))
            : formatFigure(value),
    });
  };
  if (mkd) {
    fig('Собственников в реестре', 'count', r.members);
    fig('Общее число голосов собственников', 'weight', r.weightTotal);
    fig('Приняли участие собственников', 'count', p.members);
    fig('Число голосов принявших участие', 'weight', p.weight);
  } else {
    fig('Всего в реестре (человек)', 'count', r.persons);
    fig('Членов товарищества в реестре', 'count', r.members);
    fig('Садоводов без членства в реестре', 'count', r.gardeners);
    if (weighted) fig('Общее число голосов членов', 'weight', r.weightTotal);
    fig('Приняли участие (человек)', 'count', p.persons);
    fig('из них членов товарищества', 'count', p.members);
    fig('из них садоводов без членства', 'count', p.gardeners);
    if (weighted) fig('Число голосов принявших участие членов', 'weight', p.weight);
  }
  fig('Голосовали через Госуслуги', 'count', p.byChannel.gosuslugi);
  fig('Голосовали бумажными бюллетенями', 'count', p.byChannel.paper);
  fig('Голосовали очно', 'count', p.byChannel.in_person);
  fig(
    mkd ? 'Доля голосов принявших участие' : 'Доля принявших участие членов',
    'share',
    results.quorum.share,
  );
  const quorumPercent = sharePercent(results.quorum.share);
  const quorum = {
    reached: results.quorum.reached,
    share: results.quorum.share,
    percent: quorumPercent,
    rule: results.quorum.rule,
    text:
      `Кворум ${results.quorum.reached ? 'имеется' : 'отсутствует'}: ` +
      `${mkd ? 'приняли участие собственники, обладающие' : 'приняли участие'} ` +
      `${formatPercent(quorumPercent)} ${mkd ? 'голосов' : weighted ? 'голосов членов' : 'членов товарищества'}. ` +
      `Правило: ${results.quorum.rule}.`,
  };
  figures.push({
    label: 'Кворум',
    kind: 'text',
    value: results.quorum.reached ? 'имеется' : 'отсутствует',
    text: results.quorum.reached ? 'имеется' : 'отсутствует',
  });

  const questions = results.questions.map((q, i) => questionModel(q, result.questions[i]!, meeting, mkd));

  // Due date and lateness.
  const dueDays = meeting.protocolDueDays ?? DEFAULT_PROTOCOL_DUE_DAYS[kind];
  const end = meeting.votingEnd || meeting.sessionDate || '';
  const dueDate = dayNumber(end) !== undefined ? addDays(end, dueDays) : null;
  const lateDays = dueDate ? (dayNumber(date) ?? 0) - dayNumber(dueDate)! : 0;
  const due = {
    days: dueDays,
    date: dueDate,
    text: dueDate
      ? `Протокол составляется в течение ${formatDays(dueDays)} после окончания голосования: не позднее ${formatDateRu(dueDate)}`
      : `Протокол составляется в течение ${formatDays(dueDays)} после окончания голосования.`,
    late: lateDays > 0,
    warning:
      lateDays > 0
        ? `Внимание: протокол составлен с опозданием на ${formatDays(lateDays)} (срок истёк ${formatDateRu(dueDate!)}).`
        : null,
  };

  const commission = (meeting.countingCommission ?? []).filter((n) => n.trim());
  const signatures: ProtocolSignature[] = [
    { role: mkd ? 'Председатель общего собрания' : 'Председательствующий', name: meeting.chair ?? '' },
    { role: 'Секретарь собрания', name: meeting.secretary ?? '' },
    ...(commission.length > 0 ? commission : ['', '', '']).map((name) => ({
      role: 'Член счётной комиссии',
      name,
    })),
  ];

  const ctx: TableContext = {
    results,
    result,
    meeting,
    mkd,
    weighted,
    masked,
    personsById,
    ballotsById,
    outcomesById,
    namesById,
  };
  const tables = [
    participantsTable(ctx),
    attendanceTable(ctx),
    rejectedTable(ctx),
    representativesTable(ctx),
    conflictsTable(ctx),
    scanDifferencesTable(ctx),
    unmatchedTable(ctx),
    registryTable(ctx),
    decisionsTable(ctx),
  ];

  const partnership = source.partnership;
  return {
    kind,
    weighted,
    weightUnit,
    maskSnils: masked,
    partnership: {
      name: partnership?.name ?? '',
      address: partnership?.address ?? '',
      details: [
        partnership?.inn ? `ИНН ${partnership.inn}` : '',
        partnership?.ogrn ? `ОГРН ${partnership.ogrn}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    },
    title: `ПРОТОКОЛ № ${number || '______'}`,
    number,
    subtitle,
    meetingTitle: meeting.title,
    date,
    dateText: formatDateRu(date),
    facts,
    figures,
    quorum,
    questions,
    due,
    signatures,
    auditHeadHash: options.auditHeadHash ?? null,
    tables,
  };
}

/** A share as results.json writes it (`0.6333`) in percent (`63.33`), exactly. */
function sharePercent(share: string): string {
  const [int, frac = ''] = share.split('.');
  const value = rational(BigInt(`${int}${frac}`), 10n ** BigInt(frac.length));
  return toDecimal(mul(value, fromInt(100)), Math.max(0, frac.length - 2));
}

function countingRules(results: ResultsJson, profile: RuleProfile): string {
  const m = results.meeting;
  const marks =
    m.invalidMarks === 'ballot'
      ? 'неверно отмеченный вопрос делает недействительным весь бюллетень'
      : 'неверно отмеченный вопрос недействителен только по этому вопросу';
  const scans = m.acceptScans ? 'сканы бюллетеней учитываются' : 'учитываются только оригиналы бюллетеней';
  const conflicts = Array.isArray(m.conflicts)
    ? `при расхождении бюллетеней одного участника учитывается по приоритету: ${m.conflicts.map((c) => CHANNEL_TEXT[c]).join(', ')}`
    : m.conflicts === 'latest'
      ? 'при расхождении бюллетеней одного участника учитывается полученный последним'
      : 'при расхождении бюллетеней одного участника голос по вопросу не учитывается';
  return `${profile.title}; ${marks}; ${scans}; ${conflicts}.`;
}

const TALLY_LABELS: Record<TallyKey, string> = {
  for: 'За',
  against: 'Против',
  abstain: 'Воздержались',
  invalid: 'Недействительно',
  conflict: 'Конфликт (не учтено)',
};

function questionModel(
  q: ResultsJson['questions'][number],
  outcome: TallyResult['questions'][number],
  meeting: ProtocolMeeting,
  mkd: boolean,
): ProtocolQuestion {
  const keys: TallyKey[] = ['for', 'against', 'abstain', 'invalid', 'conflict'];
  const rows = keys.map((key): ProtocolTallyRow => ({
    key,
    label: TALLY_LABELS[key],
    value: q[key],
    percent: percentOf(outcome.weights[key], outcome.base),
    ...(q.voters ? { persons: q.voters[key] } : {}),
  }));
  const who = q.electorate === 'members_and_gardeners' ? 'членов и садоводов' : 'членов';
  const baseLabel =
    q.baseKind === 'all'
      ? mkd
        ? 'Общее число голосов собственников (база)'
        : `Общее число ${who} (база)`
      : mkd
        ? 'Голосов собственников, принявших участие (база)'
        : `Приняли участие ${who} (база)`;
  const qq = q.questionQuorum;
  const proposal = meeting.questions.find((x) => x.number === q.number)?.proposal?.trim();
  const threshold =
    q.majority === 'two_thirds'
      ? { share: 2 / 3, label: '2/3' }
      : q.majority === 'unanimous'
        ? { share: 1, label: '100 %' }
        : { share: 0.5, label: '50 %' };
  return {
    number: q.number,
    text: q.text,
    ...(proposal ? { proposal } : {}),
    rule: q.rule,
    majority: q.majority,
    electorate: q.electorate,
    rows,
    base: q.base,
    baseLabel,
    electorateParticipants: q.electorateParticipants,
    ignored: q.ignored,
    questionQuorum: {
      applies: qq.applies,
      voted: qq.voted,
      total: qq.total,
      reached: qq.reached,
      affectsDecision: qq.affectsDecision,
      text: qq.applies
        ? `По вопросу проголосовали ${formatFigure(qq.voted)} из ${formatFigure(qq.total)} членов товарищества: ` +
          `${qq.reached ? 'более' : 'не более'} половины (ч. 19.1 ст. 17 217-ФЗ)` +
          (qq.affectsDecision ? '.' : '; на решение не влияет по профилю правил.')
        : `По вопросу проголосовали (за, против или воздержались) ${formatFigure(qq.voted)} из ` +
          `${formatFigure(qq.total)} ${mkd ? 'собственников' : 'членов товарищества'}.`,
    },
    remoteForbidden: q.remoteForbidden
      ? 'По закону этот вопрос не может решаться заочным голосованием.'
      : null,
    decision: q.decision,
    decisionText: DECISION_TEXT[q.decision],
    threshold,
  };
}

interface TableContext {
  results: ResultsJson;
  result: TallyResult;
  meeting: ProtocolMeeting;
  mkd: boolean;
  weighted: boolean;
  masked: boolean;
  personsById: Map<string, Person>;
  ballotsById: Map<string, Ballot>;
  outcomesById: Map<string, BallotOutcome>;
  namesById: Map<string, string>;
}

const col = (header: string, kind: ColumnKind, width: number): ProtocolColumn => ({ header, kind, width });

/** №, ФИО, СНИЛС, участок, статус (СНТ), голосов (по весу): the columns every list of persons starts with. */
function personColumns(ctx: TableContext, withSnils = true): ProtocolColumn[] {
  return [
    col('№', 'count', 8),
    col('ФИО', 'text', 42),
    ...(withSnils ? [col('СНИЛС', 'text', 23)] : []),
    col(ctx.mkd ? 'Помещение' : 'Участок', 'text', 13),
    ...(ctx.mkd ? [] : [col('Статус', 'text', 13)]),
    ...(ctx.weighted ? [col('Голосов', 'weight', 15)] : []),
  ];
}

function personCells(ctx: TableContext, n: number, index: number, withSnils = true): CellValue[] {
  const json = ctx.results.persons[index]!;
  const person = ctx.personsById.get(json.id);
  return [
    n,
    json.name,
    ...(withSnils ? [snilsText(person?.snils, ctx.masked)] : []),
    holdingsText(person),
    ...(ctx.mkd ? [] : [STATUS_WORDS[ctx.result.persons[index]!.status]]),
    ...(ctx.weighted ? [json.weight] : []),
  ];
}

function channelsOf(ctx: TableContext, index: number): Channel[] {
  const set = new Set(acceptedBallotIds(ctx.result, index).map((id) => ctx.outcomesById.get(id)!.channel));
  return CHANNEL_ORDER.filter((c) => set.has(c));
}

function decisionWord(d: Decision | null): string {
  return d === null ? NOT_VOTING_WORD : DECISION_WORDS[d];
}

function participantsTable(ctx: TableContext): ProtocolTable {
  const questions = ctx.results.questions;
  const rows: CellValue[][] = [];
  ctx.results.persons.forEach((json, i) => {
    if (!json.participated) return;
    rows.push([
      ...personCells(ctx, rows.length + 1, i),
      channelsOf(ctx, i)
        .map((c) => CHANNEL_WORDS[c])
        .join(', '),
      ...questions.map((q) => decisionWord(json.decisions[String(q.number)] ?? null)),
    ]);
  });
  return {
    key: 'participants',
    title: 'Список принявших участие в голосовании и их решения',
    sheetName: 'Участники',
    note:
      'Способ: каналы, по которым от участника принят бюллетень; решение по вопросу учтено один раз. ' +
      `«${NOT_VOTING_WORD}»: участник не голосует по этому вопросу.`,
    columns: [
      ...personColumns(ctx),
      col('Способ', 'text', 20),
      ...questions.map((q) => col(`Вопрос ${q.number}`, 'decision', 14)),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function attendanceTable(ctx: TableContext): ProtocolTable {
  const rows: CellValue[][] = [];
  ctx.result.persons.forEach((_person, i) => {
    const inPerson = acceptedBallotIds(ctx.result, i)
      .map((id) => ctx.ballotsById.get(id))
      .filter((b): b is Ballot => b?.channel === 'in_person');
    if (inPerson.length === 0) return;
    const rep = inPerson.find((b) => b.representative)?.representative;
    rows.push([
      ...personCells(ctx, rows.length + 1, i, false),
      rep?.fullName ?? '',
      rep ? powerOfAttorneyText(rep) : '',
    ]);
  });
  return {
    key: 'attendance',
    title: 'Лист регистрации участников очной части собрания',
    sheetName: 'Регистрация',
    note: 'Участники, голосовавшие очно (лично или через представителя).',
    columns: [
      ...personColumns(ctx, false),
      col('Представитель', 'text', 36),
      col('Доверенность', 'text', 30),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function powerOfAttorneyText(rep: NonNullable<Ballot['representative']>): string {
  const text = rep.powerOfAttorney?.trim() ?? '';
  const date = rep.powerOfAttorneyDate ? dateRu(rep.powerOfAttorneyDate) : '';
  if (!text) return date ? `от ${date}` : 'не указана';
  return date && !text.includes(date) ? `${text} от ${date}` : text;
}

function voterName(ctx: TableContext, outcome: BallotOutcome): string {
  if (outcome.personId) return ctx.namesById.get(outcome.personId) ?? '';
  return ctx.ballotsById.get(outcome.ballotId)?.voter.fullName ?? '';
}

function rejectedTable(ctx: TableContext): ProtocolTable {
  const bySource = new Map(ctx.result.ballots.map((b) => [b.source, b]));
  const rows: CellValue[][] = [];
  for (const r of ctx.results.rejected) {
    const outcome = bySource.get(r.source);
    rows.push([
      rows.length + 1,
      r.source,
      r.person ?? (outcome ? voterName(ctx, outcome) : ''),
      outcome ? CHANNEL_WORDS[outcome.channel] : '',
      outcome ? dateRu(outcome.receivedAt) : '',
      'не принят',
      r.reason,
    ]);
  }
  // Accepted ballots with badly marked questions: those questions are not counted.
  for (const outcome of ctx.result.ballots) {
    if (outcome.status !== 'accepted' || !outcome.invalidQuestions?.length) continue;
    const marks = ctx.ballotsById.get(outcome.ballotId)?.marks ?? {};
    rows.push([
      rows.length + 1,
      outcome.source,
      voterName(ctx, outcome),
      CHANNEL_WORDS[outcome.channel],
      dateRu(outcome.receivedAt),
      'недействителен по вопросам',
      outcome.invalidQuestions.map((n) => `вопрос ${n}: ${MARK_TEXT[marks[n] ?? 'none']}`).join('; '),
    ]);
  }
  return {
    key: 'rejected',
    title: 'Недействительные и не принятые бюллетени',
    sheetName: 'Недействительные',
    note: 'Источник: файл и строка, откуда взят бюллетень.',
    columns: [
      col('№', 'count', 8),
      col('Источник', 'text', 26),
      col('Участник', 'text', 38),
      col('Способ', 'text', 16),
      col('Получен', 'text', 17),
      col('Итог', 'text', 20),
      col('Причина', 'text', 50),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function representativesTable(ctx: TableContext): ProtocolTable {
  const rows: CellValue[][] = [];
  for (const outcome of ctx.result.ballots) {
    const rep = ctx.ballotsById.get(outcome.ballotId)?.representative;
    if (!rep) continue;
    rows.push([
      rows.length + 1,
      rep.fullName,
      voterName(ctx, outcome),
      powerOfAttorneyText(rep),
      outcome.source,
      CHANNEL_WORDS[outcome.channel],
      STATUS_OF_BALLOT[outcome.status],
    ]);
  }
  return {
    key: 'representatives',
    title: 'Представители и реквизиты доверенностей',
    sheetName: 'Представители',
    columns: [
      col('№', 'count', 8),
      col('Представитель', 'text', 38),
      col('Кого представляет', 'text', 38),
      col('Доверенность', 'text', 34),
      col('Источник', 'text', 22),
      col('Способ', 'text', 14),
      col('Бюллетень', 'text', 20),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function conflictsTable(ctx: TableContext): ProtocolTable {
  const policy = ctx.results.meeting.conflicts;
  const rows = ctx.results.conflicts.map((c, i): CellValue[] => {
    const choices = c.choices
      .map((x) => `${x.source} (${CHANNEL_WORDS[x.channel]}, ${dateRu(x.receivedAt)}): ${MARK_TEXT[x.mark]}`)
      .join('; ');
    const how =
      c.resolution === 'resolved'
        ? `решение счётной комиссии${c.reason ? `: ${c.reason}` : ''}`
        : c.resolution === 'flag'
          ? 'голос по вопросу не учтён (решения в бюллетенях расходятся)'
          : c.resolution === 'latest'
            ? 'учтён бюллетень, полученный последним'
            : `учтён по приоритету способов: ${(Array.isArray(policy) ? policy : []).map((x) => CHANNEL_WORDS[x]).join(', ')}`;
    return [
      i + 1,
      c.person,
      c.question,
      choices,
      how,
      c.counted === null ? 'не учтено' : DECISION_WORDS[c.counted],
    ];
  });
  return {
    key: 'conflicts',
    title: 'Расхождения решений одного участника и как они разрешены',
    sheetName: 'Конфликты',
    columns: [
      col('№', 'count', 8),
      col('Участник', 'text', 36),
      col('Вопрос', 'count', 13),
      col('Бюллетени и решения', 'text', 60),
      col('Как разрешено', 'text', 38),
      col('Учтено', 'text', 16),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function scanDifferencesTable(ctx: TableContext): ProtocolTable {
  const rows = ctx.results.scanDifferences.map((d, i): CellValue[] => [
    i + 1,
    d.person,
    d.source,
    d.original,
    d.questions.join(', '),
  ]);
  return {
    key: 'scan_differences',
    title: 'Расхождения скана и оригинала бюллетеня (учтён оригинал)',
    sheetName: 'Скан и оригинал',
    columns: [
      col('№', 'count', 8),
      col('Участник', 'text', 44),
      col('Скан', 'text', 32),
      col('Оригинал', 'text', 32),
      col('Вопросы', 'text', 30),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

function unmatchedTable(ctx: TableContext): ProtocolTable {
  const rows = ctx.results.unmatched.map((u, i): CellValue[] => [
    i + 1,
    u.source,
    u.name,
    UNMATCHED_TEXT[u.reason],
  ]);
  return {
    key: 'unmatched',
    title: 'Электронные решения, не сопоставленные с реестром (не учтены)',
    sheetName: 'Не сопоставлены',
    columns: [
      col('№', 'count', 8),
      col('Источник', 'text', 34),
      col('ФИО в файле', 'text', 60),
      col('Причина', 'text', 50),
    ],
    rows,
    inPdf: true,
    inWorkbook: true,
  };
}

/** Every registry person with their votes: an appendix when votes are weighted (МКД: реестр собственников). */
function registryTable(ctx: TableContext): ProtocolTable {
  const rows = ctx.results.persons.map((json, i): CellValue[] => [
    ...personCells(ctx, i + 1, i),
    json.participated ? 'да' : 'нет',
  ]);
  return {
    key: 'registry',
    title: ctx.mkd ? 'Реестр собственников помещений и их голоса' : 'Реестр и число голосов',
    sheetName: 'Реестр',
    columns: [...personColumns(ctx), col('Принял участие', 'text', 18)],
    rows,
    inPdf: ctx.weighted,
    inWorkbook: false,
  };
}

/** The per-person decisions matrix: every registry person, every question. */
function decisionsTable(ctx: TableContext): ProtocolTable {
  const questions = ctx.results.questions;
  const rows = ctx.results.persons.map((json, i): CellValue[] => [
    ...personCells(ctx, i + 1, i),
    json.participated ? 'да' : 'нет',
    channelsOf(ctx, i)
      .map((c) => CHANNEL_WORDS[c])
      .join(', '),
    ...questions.map((q) => {
      const d = json.decisions[String(q.number)] ?? null;
      return json.participated ? decisionWord(d) : null;
    }),
  ]);
  return {
    key: 'decisions',
    title: 'Решения каждого участника реестра по вопросам',
    sheetName: 'Решения',
    columns: [
      ...personColumns(ctx),
      col('Принял участие', 'text', 14),
      col('Способ', 'text', 20),
      ...questions.map((q) => col(`Вопрос ${q.number}`, 'decision', 14)),
    ],
    rows,
    inPdf: false,
    inWorkbook: true,
  };
}
