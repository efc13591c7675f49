import type { RuleView } from './agendaModel';

/**
 * How a question is decided, in plain Russian; an override carries the badge «правило изменено» and the
 * profile's rule beside it, wherever the question is shown.
 */
export function QuestionRule({ view, id }: { view: RuleView; id?: string }) {
  return (
    <p className="question-rule" id={id}>
      <span className="question-rule-label">Правило:</span> <span>{view.text}</span>
      {view.overridden && (
        <>
          {' '}
          <span className="badge badge-warn">правило изменено</span>{' '}
          <span className="question-rule-profile">по профилю: {view.profileText}</span>
        </>
      )}
    </p>
  );
}
