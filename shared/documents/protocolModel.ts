/**
 * The protocol (протокол общего собрания) as plain data: every text and figure that the preview, the
 * PDF and the results workbook show, so the three always print the same. Built from the tally (the
 * figures of results.json, formatted only), the meeting, the registry and the ballots as given.
 *
 * Plain data, structured-clone safe: no class instances, no BigInt, no functions.
 */
import { fromInt, mul, rational, toDecimal } from '../arith/rational';
import { addDays, dayNumber, formatDateRu, formatDays } from '../meetings/dates';
import { DEFAULT_PROTOCOL_DUE_DAYS } from '../meetings/meeting';
import { buildResults, type Figure } from '../results/buildResults';
import { formatFigure, formatPercent } from './figuresRu';
import { marginTable } from './protocolMarginTable';
import {
  conflictsTable,
  rejectedTable,
  representativesTable,
  scanDifferencesTable,
  unmatchedTable,
} from './protocolBallotTables';
import { attendanceTable, decisionsTable, participantsTable, registryTable } from './protocolPersonTables';
import { meetingFacts, paperAppendices, signatureLines, storageText } from './protocolFacts';
import { questionModel } from './protocolQuestions';
import type { TableContext } from './protocolTableKit';
import type { ProtocolFigure, ProtocolModel, ProtocolOptions, ProtocolSource } from './protocolTypes';
import { meetingOfPhrase } from './wording';

export type * from './protocolTypes';
export { maskSnils, NOT_VOTING_WORD } from './protocolWords';

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

  const facts = meetingFacts(meeting, source.partnership, results, profile);

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

  const questions = results.questions.map((q, i) =>
    questionModel(q, result.questions[i]!, {
      meeting,
      mkd,
      quorumReached: results.quorum.reached,
      weight: w,
    }),
  );

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
    excluded: source.excluded ?? [],
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
    marginTable(ctx),
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
    storage: storageText(meeting),
    paperAppendices: paperAppendices(meeting),
    signatures: signatureLines(meeting),
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
