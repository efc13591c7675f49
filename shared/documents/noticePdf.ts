/**
 * The notice of a general meeting (уведомление о проведении общего собрания) as a PDF: who holds it,
 * kind and form, the dates, the in-person part, where paper ballots go, the agenda with the proposed
 * decisions, how to read the materials (and which files are attached), how to vote on Gosuslugi, and
 * whom to ask. An СНТ's notice speaks to gardeners without membership too and names the questions they
 * vote on. Deadlines: voting ends on `votingEnd`; a paper ballot must have arrived by paperBallotsUntil
 * (one date, the same in every sentence and on the ballots).
 */
import type { Partnership } from '../domain/types';
import { formatDateRu } from '../meetings/dates';
import type { Meeting } from '../meetings/meeting';
import type { RuleProfile } from '../rules/profile';
import { profileFor } from '../rules/profiles';
import { resolveRule } from '../rules/resolveRule';
import type { PdfFonts } from './pdfFont';
import { createPdf } from './pdfKit';
import { meetingOfPhrase, paperBallotsUntil } from './wording';
import { FORM_PHRASE } from '../vocabulary';

export interface NoticeOptions {
  /** Files attached to the agenda's questions, by question number, as the notice lists them. */
  materials?: { question: number; name: string }[];
  /** Rule profile deciding which questions are for members only; default: built-in for the kind. */
  profile?: RuleProfile;
}

/** Numbers of the questions gardeners without membership vote on (СНТ); every question for an МКД. */
export function gardenerQuestions(
  meeting: Meeting,
  profile: RuleProfile = profileFor(meeting.kind),
): number[] {
  return meeting.questions
    .filter((q) => meeting.kind === 'mkd' || resolveRule(q, profile).rule.electorate !== 'members')
    .map((q) => q.number);
}

/** «по вопросу № 4», «по вопросам № 3, 4». */
function questionsPhrase(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'по вопросу' : 'по вопросам'} № ${numbers.join(', ')}`;
}

/** Generic route to electronic voting; the platform's menu names change, so it stays general. */
export function gosuslugiRoute(meeting: Pick<Meeting, 'votingEnd' | 'title'>): string {
  const until = meeting.votingEnd ? ` до окончания голосования (${formatDateRu(meeting.votingEnd)})` : '';
  return (
    'Проголосовать электронно можно на портале Госуслуг (www.gosuslugi.ru) или в приложении «Госуслуги. Дом»: ' +
    'войдите с подтверждённой учётной записью, откройте раздел голосований в «Моём доме», ' +
    `выберите собрание «${meeting.title}» и отметьте решение по каждому вопросу${until}. ` +
    'Голосуйте одним способом: электронно или бумажным бюллетенем.'
  );
}

export async function buildNoticePdf(
  meeting: Meeting,
  partnership: Partnership,
  fonts: PdfFonts,
  opts: NoticeOptions = {},
): Promise<Uint8Array> {
  const kit = await createPdf(fonts, { title: `Уведомление: ${meeting.title}` });
  const remoteVoting = meeting.form !== 'in_person';
  const snt = meeting.kind === 'snt';
  const paperUntil = paperBallotsUntil(meeting);
  const forGardeners = snt ? gardenerQuestions(meeting, opts.profile) : [];

  kit.paragraph(partnership.name, { style: 'bold', size: 12, align: 'center', after: 0.5 });
  if (partnership.address) kit.paragraph(partnership.address, { size: 9.5, align: 'center', after: 5 });
  kit.paragraph('УВЕДОМЛЕНИЕ', { style: 'bold', size: 16, align: 'center', after: 0.5 });
  kit.paragraph(`о проведении ${meetingOfPhrase(meeting.kind, meeting.meetingKind)}`, {
    style: 'bold',
    size: 12,
    align: 'center',
    after: 5,
  });

  const who = snt
    ? `Правление ${partnership.name} уведомляет членов товарищества и садоводов, ведущих садоводство без участия в товариществе,`
    : 'Собственники помещений уведомляются';
  kit.paragraph(
    `${who} о проведении ${meetingOfPhrase(meeting.kind, meeting.meetingKind)} ${FORM_PHRASE[meeting.form]}: «${meeting.title}».`,
    { after: snt ? 1.5 : 4 },
  );
  if (snt) {
    const votes =
      forGardeners.length === 0
        ? 'Все вопросы повестки решают только члены товарищества; садоводы без членства вправе присутствовать на собрании'
        : forGardeners.length === meeting.questions.length
          ? 'Садоводы без членства в товариществе вправе участвовать в собрании и голосуют по всем вопросам повестки'
          : `Садоводы без членства в товариществе вправе участвовать в собрании и голосуют ${questionsPhrase(forGardeners)}; остальные вопросы решают только члены товарищества`;
    kit.paragraph(
      `${votes}, знакомиться с материалами собрания наравне с членами (ст. 5 Федерального закона № 217-ФЗ).`,
      { after: 4 },
    );
  }

  kit.paragraph('Сроки и место', { style: 'bold', size: 12, after: 2 });
  if (meeting.votingStart && meeting.votingEnd) {
    kit.labelled(
      'Голосование',
      `с ${formatDateRu(meeting.votingStart)} по ${formatDateRu(meeting.votingEnd)} включительно` +
        (remoteVoting ? ' (электронно на Госуслугах — до конца этого срока)' : ''),
    );
  }
  if (meeting.form !== 'remote') {
    const when = [formatDateRu(meeting.sessionDate), meeting.sessionTime ? `в ${meeting.sessionTime}` : '']
      .filter(Boolean)
      .join(' ');
    const session = [when, meeting.sessionPlace ? `место: ${meeting.sessionPlace}` : '']
      .filter(Boolean)
      .join(', ');
    kit.labelled('Очная часть собрания', session || 'дата и место будут сообщены дополнительно');
  }
  if (remoteVoting) {
    const until = paperUntil ? `должны поступить не позднее ${formatDateRu(paperUntil)}` : 'принимаются';
    const where = meeting.paperBallotAddress ? ` по адресу: ${meeting.paperBallotAddress}` : '';
    kit.labelled('Бумажные бюллетени', `${until}${where}, лично или почтой.`);
  }
  if (meeting.countDate || meeting.countPlace) {
    kit.labelled(
      'Подсчёт голосов',
      [formatDateRu(meeting.countDate), meeting.countPlace ?? ''].filter(Boolean).join(', '),
    );
  }
  kit.space(3);

  kit.paragraph('Повестка дня', { style: 'bold', size: 12, after: 2 });
  const gardenersVote = new Set(forGardeners);
  for (const q of meeting.questions) {
    const membersOnly = snt && forGardeners.length > 0 && !gardenersVote.has(q.number);
    kit.paragraph(`${q.number}. ${q.text}${membersOnly ? ' (голосуют только члены товарищества)' : ''}`, {
      style: 'bold',
      after: 0.8,
    });
    if (q.proposal?.trim())
      kit.paragraph(`Проект решения: ${q.proposal.trim()}`, { indent: 6, size: 10.5, after: 2 });
    else kit.space(1.2);
  }
  kit.space(2);

  kit.paragraph('Материалы собрания', { style: 'bold', size: 12, after: 2 });
  const from = meeting.materialsDate ? ` с ${formatDateRu(meeting.materialsDate)}` : '';
  const how = meeting.materialsAccess?.trim() || 'в правлении товарищества';
  kit.paragraph(
    sentence(`С проектами документов и материалами по вопросам повестки можно ознакомиться${from}: ${how}`),
    { after: opts.materials?.length ? 1.5 : 4 },
  );
  if (opts.materials?.length) {
    kit.paragraph('Прилагаемые материалы:', { after: 0.8 });
    const byQuestion = new Map<number, string[]>();
    for (const m of opts.materials)
      byQuestion.set(m.question, [...(byQuestion.get(m.question) ?? []), m.name]);
    for (const [n, names] of [...byQuestion].sort((a, b) => a[0] - b[0])) {
      kit.paragraph(`к вопросу № ${n}: ${names.join('; ')}`, { indent: 6, size: 10.5, after: 0.8 });
    }
    kit.space(3);
  }

  if (remoteVoting) {
    kit.paragraph('Как проголосовать', { style: 'bold', size: 12, after: 2 });
    kit.paragraph(gosuslugiRoute(meeting), { after: 1.5 });
    kit.paragraph(
      'Бумажный бюллетень заполняется ручкой (не карандашом): по каждому вопросу отметьте один вариант — ' +
        '«За», «Против» или «Воздержался», подпишите бюллетень и укажите дату. Представитель прилагает ' +
        'доверенность или её копию. ' +
        (paperUntil
          ? `Засчитываются бюллетени, поступившие не позднее ${formatDateRu(paperUntil)}; отправляя почтой, учтите время доставки.`
          : 'Засчитываются бюллетени, поступившие до окончания голосования.'),
      { after: 4 },
    );
  }

  if (meeting.contact?.trim()) {
    kit.paragraph('Вопросы и справки', { style: 'bold', size: 12, after: 2 });
    kit.paragraph(sentence(meeting.contact.trim()), { after: 4 });
  }

  kit.space(4);
  const signer = meeting.kind === 'mkd' ? 'Инициатор собрания' : `Правление ${partnership.name}`;
  kit.paragraph(signer, { style: 'bold', after: 0.5 });
  if (meeting.noticeDate) kit.paragraph(`Дата уведомления: ${formatDateRu(meeting.noticeDate)}`);
  kit.numberPages();
  return kit.toBytes();
}

/** Ends the text with a full stop unless it already ends with a punctuation mark. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
