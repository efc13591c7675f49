/**
 * «Тестовые бюллетени»: the commission prints the meeting's ballots pre-filled with marks the app
 * draws itself (clear, empty, two boxes, faint, one unsigned), scans them on the office copier, and
 * the app reads the scans and says whether it read exactly what it printed, line by line. Nothing is
 * stored: the deck's voters are fictitious and its sheets are refused in a real stack.
 */
import { useMemo, useRef, useState } from 'react';
import { plural } from '../../shared/meetings/dates';
import type { Meeting } from '../../shared/meetings/meeting';
import type { OmrSettings } from '../../shared/omr/settings';
import { checkTestDeck, planTestDeck, type DeckLine } from '../../shared/omr/testDeck';
import { useToast } from '../app/Toasts';
import { getPlatform } from '../platform/platform';
import { documentFileName } from '../meetings/fileNames';
import { readScans } from './scanClient';

type Check =
  | { phase: 'idle' }
  | { phase: 'busy'; label: string }
  | { phase: 'failed'; message: string }
  | { phase: 'done'; exact: boolean; lines: DeckLine[]; refused: string[] };

export function TestDeckPanel({
  meeting,
  partnershipName,
  settings,
  disabled,
}: {
  meeting: Meeting;
  partnershipName: string;
  settings: OmrSettings;
  disabled: boolean;
}) {
  const deck = useMemo(() => planTestDeck(meeting), [meeting]);
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const busy = check.phase === 'busy';

  const print = async () => {
    setCheck({ phase: 'busy', label: 'Готовятся тестовые бюллетени…' });
    try {
      const { runDocumentJob } = await import('../documents/documentRunner');
      const bytes = await runDocumentJob(
        { type: 'testDeck', meeting, partnershipName },
        { signal: new AbortController().signal, onProgress: () => {} },
      );
      const saved = await getPlatform().saveFile({
        suggestedName: documentFileName('Тестовые бюллетени', meeting.title),
        bytes,
        mime: 'application/pdf',
      });
      if (!saved.ok) setCheck({ phase: 'failed', message: saved.error.map((p) => p.message).join(' ') });
      else {
        if (saved.value) toast({ message: `Файл сохранён: ${saved.value.savedAs}` });
        setCheck({ phase: 'idle' });
      }
    } catch (e) {
      setCheck({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const read = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = [...list];
    if (input.current) input.current.value = '';
    setCheck({ phase: 'busy', label: 'Читаются сканы тестовой пачки…' });
    try {
      const run = await readScans(
        {
          meeting: deck.meeting,
          registry: deck.ballots.map((b) => b.person),
          partnershipName,
          settings,
        },
        files,
        { signal: new AbortController().signal, onProgress: () => {} },
      );
      const result = checkTestDeck(deck, run.outcome);
      setCheck({
        phase: 'done',
        ...result,
        refused: [...result.refused, ...run.unreadable.map((n) => `${n.source}: ${n.message}`)],
      });
    } catch (e) {
      setCheck({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const wrong = check.phase === 'done' ? check.lines.filter((l) => !l.same) : [];
  return (
    <details className="test-deck">
      <summary>Тестовые бюллетени</summary>
      <p className="muted">
        Перед подсчётом напечатайте {deck.ballots.length} тестовых бюллетеней с отметками, которые рисует сам
        Голос (ясные, пустые, двойные, слабые, один без подписи), отсканируйте их на том же копире и
        проверьте, что Голос прочитал ровно напечатанное. В подсчёт они не идут.
      </p>
      <div className="test-deck-actions">
        <button type="button" disabled={disabled || busy} onClick={() => void print()}>
          Напечатать тестовые бюллетени
        </button>
        <button type="button" disabled={disabled || busy} onClick={() => input.current?.click()}>
          Проверить сканы тестовых бюллетеней…
        </button>
        <input
          ref={input}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff"
          multiple
          hidden
          aria-label="Сканы тестовых бюллетеней"
          onChange={(e) => void read(e.target.files)}
        />
      </div>
      {check.phase === 'busy' && <p role="status">{check.label}</p>}
      {check.phase === 'failed' && (
        <p role="alert" className="notice error">
          {check.message}
        </p>
      )}
      {check.phase === 'done' &&
        (check.exact ? (
          <p role="status" className="notice ok">
            Прочитано ровно как напечатано: совпали все {check.lines.length}{' '}
            {plural(check.lines.length, ['проверка', 'проверки', 'проверок'])}.
          </p>
        ) : (
          <>
            <p role="alert" className="notice error">
              Прочитано не так, как напечатано: расхождений {wrong.length}
              {check.refused.length > 0 ? `, не прочитано страниц ${check.refused.length}` : ''}. Проверьте
              копир (разрешение не ниже 200 dpi, без сильного осветления) и пороги чтения.
            </p>
            <table aria-label="Расхождения тестовой пачки">
              <thead>
                <tr>
                  <th>Бюллетень</th>
                  <th>Вопрос</th>
                  <th>Напечатано</th>
                  <th>Прочитано</th>
                </tr>
              </thead>
              <tbody>
                {wrong.map((l) => (
                  <tr key={`${l.ballot}|${l.question ?? '-'}`}>
                    <td>{l.ballot}</td>
                    <td>{l.question ?? 'весь бюллетень'}</td>
                    <td>{l.printed}</td>
                    <td>{l.read}</td>
                  </tr>
                ))}
                {check.refused.map((r) => (
                  <tr key={r}>
                    <td colSpan={4}>{r}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </details>
  );
}
