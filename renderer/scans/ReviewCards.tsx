/**
 * The review queue: one card at a time for what the reader was not sure of — the scan around the
 * question with each box's fill, and the keys 1/2/3/0 (за/против/воздержался/недействителен) as on the
 * entry desk. The card has the focus, so the commission decides card after card from the keyboard.
 */
import { useEffect, useRef } from 'react';
import type { StoredReviewCard } from '../db/records';
import { answers, answerText, reviewKey, type ReviewAnswer } from '../../shared/omr/reviewAnswers';
import { CropImage } from './CropImage';
import { capitalised, MARK_LABEL } from '../../shared/vocabulary';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function ReviewCards({
  cards,
  crops,
  given,
  nameOf,
  onAnswer,
  busy,
}: {
  cards: readonly StoredReviewCard[];
  /** The stack's crop file (cropFiles.ts). */
  crops: Blob | undefined;
  given: ReadonlyMap<string, ReviewAnswer>;
  nameOf: (personId: string) => string;
  onAnswer: (card: StoredReviewCard, answer: ReviewAnswer) => void;
  busy: boolean;
}) {
  const open = cards.filter((c) => !given.has(reviewKey(c)));
  const card = open[0];
  const ref = useRef<HTMLElement>(null);
  const key = card ? reviewKey(card) : '';
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (cards.length === 0) return null;
  return (
    <section aria-label="Проверка отметок" className="review-queue">
      <h3>
        Проверка отметок: решено {cards.length - open.length} из {cards.length}
      </h3>
      {card ? (
        <article
          ref={ref}
          tabIndex={0}
          className="review-card"
          aria-label={`Карточка: ${nameOf(card.personId)}, ${card.question === null ? 'весь бюллетень' : `вопрос ${card.question}`}`}
          onKeyDown={(e) => {
            if (busy || e.ctrlKey || e.altKey || e.metaKey) return;
            if (answers(card, e.key)) {
              e.preventDefault();
              onAnswer(card, e.key);
            }
          }}
        >
          <header>
            <strong>{nameOf(card.personId)}</strong> · {card.source} ·{' '}
            {card.question === null ? 'весь бюллетень' : `вопрос ${card.question}`}
          </header>
          <p className="reason">Почему на проверке: {card.message}</p>
          {card.crop ? (
            <CropImage crop={card.crop} crops={crops} label={`Скан: ${card.source}`} />
          ) : (
            <p className="muted">Показать нечего: листа нет среди сканов.</p>
          )}
          {card.boxes.length > 0 && (
            <ul className="box-scores" aria-label="Заполнение клеток вопроса">
              {card.boxes.map((b) => (
                <li key={b.choice}>
                  {capitalised(MARK_LABEL[b.choice])}: закрашено {pct(b.fill)}, чернил {pct(b.ink)}
                </li>
              ))}
            </ul>
          )}
          <div className="answers" role="group" aria-label="Решение">
            {(['1', '2', '3', '0'] as const)
              .filter((a) => answers(card, a))
              .map((a) => (
                <button key={a} type="button" disabled={busy} onClick={() => onAnswer(card, a)}>
                  <kbd>{a}</kbd> {answerText(card, a)}
                </button>
              ))}
          </div>
        </article>
      ) : (
        <p className="notice ok">Все карточки решены.</p>
      )}
    </section>
  );
}
