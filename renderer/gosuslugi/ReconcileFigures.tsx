import { toDecimal } from '../../shared/arith/rational';
import type { TallyResult } from '../../shared/tally/types';
import { OUTCOME_LABEL } from '../../shared/vocabulary';
import { shorten } from './importText';
import { figure } from './reconcile';

/** The figures as counted now, with the commission's decisions: participation, quorum, each question. */
export function Figures({ result }: { result: TallyResult }) {
  const exact = result.profile.weight === 'area_share';
  const p = result.participation;
  return (
    <section aria-labelledby="rec-figures-title">
      <h3 id="rec-figures-title">Итоги с учётом сверки</h3>
      <ul className="summary" aria-label="Участие и кворум">
        <li>
          Приняли участие: <strong>{p.persons}</strong> (членов {p.members}, садоводов без членства{' '}
          {p.gardeners}); Госуслуги {p.byChannel.gosuslugi}, бумажные бюллетени {p.byChannel.paper}, очно{' '}
          {p.byChannel.in_person}
        </li>
        <li>
          Кворум: <strong>{result.quorum.reached ? 'есть' : 'нет'}</strong> (
          {toDecimal(result.quorum.share, 4).replace('.', ',')} от{' '}
          {figure(result.registry.weightTotal, exact)})
        </li>
      </ul>
      <div className="table-scroll gos-scroll">
        <table className="grid rec-figures" aria-label="Итоги по вопросам">
          <thead>
            <tr>
              <th>№</th>
              <th>Вопрос</th>
              <th>За</th>
              <th>Против</th>
              <th>Воздержался</th>
              <th>Недействительно</th>
              <th>Расхождения</th>
              <th>Не учтено (садоводы)</th>
              <th>Решение</th>
            </tr>
          </thead>
          <tbody>
            {result.questions.map((q) => (
              <tr key={q.number} aria-label={`Вопрос ${q.number}`}>
                <td>{q.number}</td>
                <td title={q.text}>{shorten(q.text, 60)}</td>
                <td>{figure(q.weights.for, exact)}</td>
                <td>{figure(q.weights.against, exact)}</td>
                <td>{figure(q.weights.abstain, exact)}</td>
                <td>{figure(q.weights.invalid, exact)}</td>
                <td>{figure(q.weights.conflict, exact)}</td>
                <td>{q.ignored}</td>
                <td>{OUTCOME_LABEL[q.decision]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
