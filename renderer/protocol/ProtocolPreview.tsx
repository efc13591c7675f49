/**
 * The protocol on screen: the same model the PDF and the workbook print (every figure, each question
 * with СЛУШАЛИ, ПРЕДЛОЖЕНО, its rule, figures, a bar chart and РЕШИЛИ, where the originals are kept, the
 * appendices, signatures, the audit head hash; the due date is shown beside it, not in it),
 * and the appendices with their first rows (all rows are in the PDF and the workbook).
 */
import { memo } from 'react';
import { formatFigure, formatPercent } from '../../shared/documents/figuresRu';
import type {
  CellValue,
  ProtocolColumn,
  ProtocolModel,
  ProtocolQuestion,
  ProtocolTable,
} from '../../shared/documents/protocolModel';
import { plural } from '../../shared/meetings/dates';

/** Rows of each appendix shown on screen. */
export const PREVIEW_ROWS = 30;

function cellText(value: CellValue, column: ProtocolColumn): string {
  if (value === null) return '';
  return column.kind === 'count' || column.kind === 'weight' ? formatFigure(value) : String(value);
}

export const ProtocolPreview = memo(function ProtocolPreview({ model }: { model: ProtocolModel }) {
  const appendices = model.tables.filter((t) => t.inPdf);
  const p = model.partnership;
  return (
    <article className="protocol-preview" aria-label="Предпросмотр протокола">
      <header className="protocol-head">
        {p.name && <p className="protocol-org">{p.name}</p>}
        {p.address && <p>{p.address}</p>}
        {p.details && <p>{p.details}</p>}
        <h2>{model.title}</h2>
        <p className="protocol-subtitle">{model.subtitle}</p>
        <p>«{model.meetingTitle}»</p>
        <p className="protocol-date">Дата составления протокола: {model.dateText}</p>
      </header>

      <dl className="protocol-facts">
        {model.facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="protocol-participation">
        <h3 id="protocol-participation">Участие в собрании и кворум</h3>
        <table className="grid protocol-figures" aria-label="Участие и кворум">
          <tbody>
            {model.figures.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>{f.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={model.quorum.reached ? 'protocol-quorum' : 'protocol-quorum no'}>{model.quorum.text}</p>
      </section>

      <section aria-labelledby="protocol-agenda">
        <h3 id="protocol-agenda">Повестка дня</h3>
        <ol className="protocol-agenda">
          {model.questions.map((q) => (
            <li key={q.number} value={q.number}>
              {q.text}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="protocol-results">
        <h3 id="protocol-results">Итоги голосования по вопросам повестки дня</h3>
        {model.questions.map((q) => (
          <QuestionResult key={q.number} model={model} q={q} />
        ))}
      </section>

      <section aria-label="Приложения и подписи">
        <p>{model.storage}</p>
        <h3>Приложения к протоколу</h3>
        <ol>
          {appendices.map((t) => (
            <li key={t.key}>
              {t.title} ({rowsText(t.rows.length)})
            </li>
          ))}
          {model.paperAppendices.map((title) => (
            <li key={title}>{title} — на ____ л.</li>
          ))}
        </ol>
        <h3>Подписи</h3>
        <table className="protocol-signatures" aria-label="Подписи">
          <tbody>
            {model.signatures.map((s, i) => (
              <tr key={i}>
                <td>{s.role}</td>
                <td className="signature-line">(подпись)</td>
                <td>{s.name ? `/ ${s.name} /` : '/ __________________ /'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {model.maskSnils && <p>Копия для опубликования: СНИЛС скрыты.</p>}
        {model.auditHeadHash && (
          <p className="protocol-hash">
            Контрольная сумма данных (SHA-256 последней записи журнала изменений):{' '}
            <code>{model.auditHeadHash}</code>
          </p>
        )}
      </section>

      {appendices.map((t, i) => (
        <Appendix key={t.key} model={model} table={t} n={i + 1} />
      ))}
    </article>
  );
});

function QuestionResult({ model, q }: { model: ProtocolModel; q: ProtocolQuestion }) {
  const unit = model.weighted && model.weightUnit ? `, ${model.weightUnit}` : '';
  const bars = q.rows.filter((r) => r.key === 'for' || r.key === 'against' || r.key === 'abstain');
  return (
    <section className="protocol-question" aria-label={`Вопрос ${q.number}`}>
      <h4>
        Вопрос {q.number}. {q.text}
      </h4>
      <p>
        <strong>СЛУШАЛИ:</strong> {q.speaker || '____________________'}
      </p>
      <p>
        <strong>ПРЕДЛОЖЕНО:</strong> {q.proposed}
      </p>
      <p className="protocol-rule">Правило принятия решения: {q.rule}.</p>
      <div className="protocol-question-body">
        <table className="grid" aria-label={`Итоги по вопросу ${q.number}`}>
          <thead>
            <tr>
              <th>Вариант</th>
              <th className="num">Голосов{unit}</th>
              <th className="num">% от базы</th>
              {model.kind === 'mkd' && <th className="num">Собственников</th>}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatFigure(r.value)}</td>
                <td className="num">{r.percent === null ? '—' : formatPercent(r.percent)}</td>
                {model.kind === 'mkd' && (
                  <td className="num">{r.persons === undefined ? '' : formatFigure(r.persons)}</td>
                )}
              </tr>
            ))}
            <tr>
              <th scope="row">{q.baseLabel}</th>
              <td className="num">{formatFigure(q.base)}</td>
              <td className="num">100,00 %</td>
              {model.kind === 'mkd' && <td />}
            </tr>
          </tbody>
        </table>
        <div className="protocol-chart" aria-hidden="true">
          {bars.map((r) => (
            <div key={r.key} className="pbar-row">
              <span className="pbar-label">{r.label}</span>
              <span className="pbar-track">
                <span
                  className={`pbar pbar-${r.key}`}
                  style={{ width: `${Math.min(100, Number(r.percent ?? 0))}%` }}
                />
                <span className="pbar-threshold" style={{ left: `${q.threshold.share * 100}%` }} />
              </span>
            </div>
          ))}
          <span className="pbar-threshold-label">порог {q.threshold.label}</span>
        </div>
      </div>
      <p>Итоги голосования: {q.figuresText}.</p>
      <p>
        Приняли участие в голосовании по вопросу (из тех, кто по нему голосует):{' '}
        {formatFigure(q.electorateParticipants)}. Отметки лиц, не голосующих по этому вопросу (не учтены):{' '}
        {formatFigure(q.ignored)}.
      </p>
      <p>{q.questionQuorum.text}</p>
      {q.remoteForbidden && <p className="notice error">{q.remoteForbidden}</p>}
      <p className={`protocol-decision ${q.decision}`}>РЕШИЛИ: {q.resolved}.</p>
      {q.dissenters.length > 0 && (
        <p>
          Голосовали «против» и потребовали внести это в протокол (п. 4 ст. 181.2 ГК РФ):{' '}
          {q.dissenters.join(', ')}.
        </p>
      )}
    </section>
  );
}

function Appendix({ model, table, n }: { model: ProtocolModel; table: ProtocolTable; n: number }) {
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  return (
    <section className="protocol-appendix" aria-label={`Приложение ${n}`}>
      <p className="protocol-ref">
        Приложение {n} к протоколу{model.number ? ` № ${model.number}` : ''} от {model.dateText}
      </p>
      <h3>{table.title}</h3>
      {table.rows.length === 0 ? (
        <p>Нет.</p>
      ) : (
        <>
          {table.note && <p className="field-hint">{table.note}</p>}
          <div className="protocol-table-scroll">
            <table className="grid" aria-label={table.title}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.header}>{c.header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row, r) => (
                  <tr key={r}>
                    {row.map((v, i) => (
                      <td key={i} className={table.columns[i]!.kind === 'text' ? undefined : 'num'}>
                        {cellText(v, table.columns[i]!)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {table.rows.length > shown.length && (
            <p className="field-hint">
              Показаны первые {shown.length} из {formatFigure(table.rows.length)}{' '}
              {plural(table.rows.length, ['строки', 'строк', 'строк'])}; полностью — в PDF и XLSX.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function rowsText(n: number): string {
  return n === 0 ? 'нет строк' : `${formatFigure(n)} ${plural(n, ['строка', 'строки', 'строк'])}`;
}
