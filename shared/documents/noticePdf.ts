/**
 * The notice of a general meeting (уведомление о проведении общего собрания) as a PDF: who holds it,
 * kind and form, the dates, the in-person part, where paper ballots go, the agenda with the proposed
 * decisions, how to read the materials, how to vote on Gosuslugi, and whom to ask.
 */
import type { Partnership } from '../domain/types';
import { formatDateRu } from '../meetings/dates';
import type { Meeting } from '../meetings/meeting';
import type { PdfFonts } from './pdfFont';
import { createPdf } from './pdfKit';
import { meetingOfPhrase } from './wording';
import { FORM_PHRASE } from '../vocabulary';

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
): Promise<Uint8Array> {
  const kit = await createPdf(fonts, { title: `Уведомление: ${meeting.title}` });
  const remoteVoting = meeting.form !== 'in_person';

  kit.paragraph(partnership.name, { style: 'bold', size: 12, align: 'center', after: 0.5 });
  if (partnership.address) kit.paragraph(partnership.address, { size: 9.5, align: 'center', after: 5 });
  kit.paragraph('УВЕДОМЛЕНИЕ', { style: 'bold', size: 16, align: 'center', after: 0.5 });
  kit.paragraph(`о проведении ${meetingOfPhrase(meeting.kind, meeting.meetingKind)}`, {
    style: 'bold',
    size: 12,
    align: 'center',
    after: 5,
  });

  const who =
    meeting.kind === 'mkd'
      ? 'Собственники помещений уведомляются'
      : `Правление ${partnership.name} уведомляет`;
  kit.paragraph(
    `${who} о проведении ${meetingOfPhrase(meeting.kind, meeting.meetingKind)} ${FORM_PHRASE[meeting.form]}: «${meeting.title}».`,
    { after: 4 },
  );

  kit.paragraph('Сроки и место', { style: 'bold', size: 12, after: 2 });
  if (meeting.votingStart && meeting.votingEnd) {
    kit.labelled(
      'Голосование',
      `с ${formatDateRu(meeting.votingStart)} по ${formatDateRu(meeting.votingEnd)} включительно`,
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
    const until = meeting.paperBallotDeadline
      ? `до ${formatDateRu(meeting.paperBallotDeadline)} включительно`
      : '';
    const where = meeting.paperBallotAddress ? `по адресу: ${meeting.paperBallotAddress}` : '';
    kit.labelled(
      'Бумажные бюллетени',
      [`принимаются ${[until, where].filter(Boolean).join(' ')}`.trim(), 'лично или почтой'].join(', ') + '.',
    );
  }
  if (meeting.countDate || meeting.countPlace) {
    kit.labelled(
      'Подсчёт голосов',
      [formatDateRu(meeting.countDate), meeting.countPlace ?? ''].filter(Boolean).join(', '),
    );
  }
  kit.space(3);

  kit.paragraph('Повестка дня', { style: 'bold', size: 12, after: 2 });
  for (const q of meeting.questions) {
    kit.paragraph(`${q.number}. ${q.text}`, { style: 'bold', after: 0.8 });
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
    {
      after: 4,
    },
  );

  if (remoteVoting) {
    kit.paragraph('Как проголосовать', { style: 'bold', size: 12, after: 2 });
    kit.paragraph(gosuslugiRoute(meeting), { after: 1.5 });
    kit.paragraph(
      'Бумажный бюллетень заполняется ручкой (не карандашом): по каждому вопросу отметьте один вариант — ' +
        '«За», «Против» или «Воздержался», подпишите бюллетень и укажите дату. Представитель прилагает ' +
        'доверенность или её копию. Засчитываются бюллетени, полученные до окончания голосования.',
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
