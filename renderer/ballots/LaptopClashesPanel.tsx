/**
 * On «Сверка»: the exchange between laptops — this laptop's fingerprint of its ballot set (the same on
 * both laptops when they hold the same ballots), what was last imported from each laptop and when, and
 * every clash between laptops with both versions and both operators until the commission settles it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Ballot } from '../../shared/domain/types';
import type { Meeting } from '../../shared/meetings/meeting';
import { ballotSetFingerprint } from '../../shared/paper/ballotBatchV2';
import { currentVersion, versionId, type BallotVersion } from '../../shared/paper/ballotRecord';
import { laptopClashes, type LaptopClash } from '../../shared/paper/batchClashes';
import { markText } from '../../shared/tally/explain';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { loadMeetingTally, type MeetingTallyInput } from '../tally/meetingTally';
import { withdrawBallot } from './ballotRepo';
import { lastImports, settleLaptopClash, type LaptopImport } from './batchImportRepo';
import { clashVoter } from './HistoryPlanView';
import { useOperator } from './hooks';
import { getLaptop, type Laptop } from './laptop';
import { problemText } from './texts';
import { timestampRu } from '../../shared/meetings/dates';

interface Loaded {
  input: MeetingTallyInput;
  imports: LaptopImport[];
  laptop: Laptop;
}

function content(b: Ballot, withdrawn: boolean, numbers: readonly number[]): string {
  if (withdrawn) return 'отозван';
  return numbers.map((n) => `№${n}: ${markText(b.marks[n] ?? 'none')}`).join('; ');
}

function madeBy(v: BallotVersion): string {
  return `${v.by}${v.laptop ? `, ноутбук «${v.laptop.name}»` : ''}, ${timestampRu(v.at)}`;
}

export function LaptopClashesPanel({ meeting, onChange }: { meeting: Meeting; onChange: () => void }) {
  const db = useDb();
  const toast = useToast();
  const [operator] = useOperator();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    const [input, imports, laptop] = await Promise.all([
      loadMeetingTally(db, meeting),
      lastImports(db, meeting.id),
      getLaptop(db),
    ]);
    setLoaded({ input, imports, laptop });
  }, [db, meeting]);
  useEffect(() => {
    void load();
  }, [load]);
  const numbers = useMemo(() => meeting.questions.map((q) => q.number), [meeting.questions]);
  const clashes = useMemo(
    () => (loaded ? laptopClashes(loaded.input.paperRecords, loaded.input.registry, numbers) : []),
    [loaded, numbers],
  );
  if (!loaded) return null;
  const ctx = { meeting, registry: loaded.input.registry, by: operator };

  const done = async (r: { ok: boolean; error?: unknown }, message: string) => {
    if (!r.ok) toast({ message: problemText((r as { error: Parameters<typeof problemText>[0] }).error) });
    else toast({ message });
    await load();
    onChange();
  };
  const pickVersion = async (c: Extract<LaptopClash, { kind: 'versions' }>, v: BallotVersion) => {
    setBusy(true);
    try {
      const r = await settleLaptopClash(
        db,
        ctx,
        c.record.id,
        versionId(v),
        `сверено с бумажным бюллетенем: верна версия (${madeBy(v)})`,
      );
      await done(r, `Расхождение по бюллетеню участника ${clashVoter(c)} сверено.`);
    } finally {
      setBusy(false);
    }
  };
  const pickRecord = async (c: Extract<LaptopClash, { kind: 'voter' }>, keep: string) => {
    setBusy(true);
    try {
      const kept = currentVersion(c.records.find((r) => r.id === keep)!);
      for (const r of c.records) {
        if (r.id === keep) continue;
        const w = await withdrawBallot(
          db,
          ctx,
          r.id,
          `расхождение между ноутбуками: верен бюллетень, введённый ${madeBy(kept)}`,
        );
        if (!w.ok) return await done(w, '');
      }
      await done({ ok: true }, `Расхождение по бюллетеню участника ${clashVoter(c)} сверено.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rec-laptops-title" className="laptop-clashes">
      <h3 id="rec-laptops-title">Обмен между ноутбуками</h3>
      <p>
        Отпечаток бюллетеней на этом ноутбуке («{loaded.laptop.name}»):{' '}
        <strong aria-label="Отпечаток бюллетеней">{ballotSetFingerprint(loaded.input.paperRecords)}</strong>.
        Он совпадает на двух ноутбуках, когда на них одни и те же бюллетени с одной историей.
      </p>
      {loaded.imports.length === 0 ? (
        <p className="muted">Файлы бюллетеней с других ноутбуков не загружались.</p>
      ) : (
        <table className="grid" aria-label="Загрузки с других ноутбуков">
          <thead>
            <tr>
              <th>Ноутбук</th>
              <th>Последний файл</th>
              <th>Выгружен</th>
              <th>Загружен</th>
              <th>Отпечаток в файле</th>
            </tr>
          </thead>
          <tbody>
            {loaded.imports.map((i) => (
              <tr key={i.laptopId}>
                <td>{i.laptopName}</td>
                <td className="wrap">{i.fileName}</td>
                <td>{timestampRu(i.exportedAt)}</td>
                <td>
                  {timestampRu(i.importedAt)} ({i.by})
                </td>
                <td>{i.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Расхождения между ноутбуками: {clashes.length}</p>
      {clashes.map((c) => (
        <article
          key={c.kind === 'versions' ? c.record.id : c.records[0]!.id}
          className="disagreement"
          aria-label={`Расхождение между ноутбуками: ${clashVoter(c)}`}
        >
          <h4>{clashVoter(c)}</h4>
          <p className="muted">
            {c.kind === 'versions'
              ? 'Бюллетень изменён по-разному на двух ноутбуках; не учитывается, пока не сверен.'
              : 'Бюллетень этого участника введён на двух ноутбуках с разными отметками.'}
          </p>
          <table className="grid">
            <thead>
              <tr>
                <th>Кто и где внёс</th>
                <th>Отметки</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {c.kind === 'versions'
                ? c.heads.map((v) => (
                    <tr key={versionId(v)}>
                      <td>{madeBy(v)}</td>
                      <td className="wrap">{content(v.ballot, v.withdrawn, numbers)}</td>
                      <td>
                        <button type="button" disabled={busy} onClick={() => void pickVersion(c, v)}>
                          Верно это
                        </button>
                      </td>
                    </tr>
                  ))
                : c.records.map((r) => {
                    const v = currentVersion(r);
                    return (
                      <tr key={r.id}>
                        <td>{madeBy(v)}</td>
                        <td className="wrap">{content(v.ballot, v.withdrawn, numbers)}</td>
                        <td>
                          <button type="button" disabled={busy} onClick={() => void pickRecord(c, r.id)}>
                            Верно это
                          </button>
                        </td>
                      </tr>
                    );
                  })}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
