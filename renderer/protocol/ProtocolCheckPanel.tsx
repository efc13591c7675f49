/** «Проверить протокол»: pick a protocol PDF or the package and see whether it matches the data now. */
import { useState } from 'react';
import type { ResultsJson } from '../../shared/results/buildResults';
import type { Platform } from '../platform/platform';
import { checkProtocolFiles, type ProtocolCheck } from './protocolCheck';

export function ProtocolCheckPanel({
  platform,
  currentResults,
}: {
  platform: Platform;
  /**
   * Reads the meeting's results afresh: the check compares with the data as stored when the file is
   * picked, not with the figures the tab loaded when it opened (null while the tab is loading).
   */
  currentResults: (() => Promise<ResultsJson>) | null;
}) {
  const [check, setCheck] = useState<ProtocolCheck | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const pick = async () => {
    setFailure(null);
    const picked = await platform.openFile({ accept: ['.pdf', '.zip', '.json'], multiple: true });
    if (!picked.ok) return setFailure(picked.error.map((p) => p.message).join(' '));
    if (picked.value.length === 0 || !currentResults) return;
    try {
      setCheck(checkProtocolFiles(picked.value, await currentResults()));
    } catch (e) {
      setCheck(null);
      setFailure(`Не удалось прочитать данные собрания: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="protocol-check">
      <div className="actions">
        <button type="button" disabled={!currentResults} onClick={() => void pick()}>
          Проверить протокол…
        </button>
        <span className="field-hint">
          Выберите PDF протокола, архив пакета или PDF вместе с results.json из папки пакета.
        </span>
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {check && <CheckOutcome check={check} />}
    </div>
  );
}

function CheckOutcome({ check }: { check: ProtocolCheck }) {
  if (!check.printed) {
    return (
      <p className="notice error" role="alert">
        Протокол не проверен. {check.problems.join(' ')}
      </p>
    );
  }
  const same = check.changed.length === 0;
  return (
    <div className={`notice ${same && check.packageDiffers.length === 0 ? 'ok' : 'error'}`} role="status">
      <p>
        {same
          ? `Протокол соответствует текущим данным собрания (дата собрания ${check.printed.date}, вопросов ${check.printed.questions.length}).`
          : 'Данные собрания изменились после составления протокола:'}
      </p>
      {!same && (
        <ul aria-label="Что изменилось">
          {check.changed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {check.hadResults &&
        (check.packageDiffers.length === 0 ? (
          <p>Файл results.json пакета — тот самый, что назван в QR-коде протокола.</p>
        ) : (
          <>
            <p>Файл results.json пакета не совпадает с протоколом:</p>
            <ul aria-label="Расхождения с results.json">
              {check.packageDiffers.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ))}
      {check.problems.length > 0 && <p>{check.problems.join(' ')}</p>}
    </div>
  );
}
