import { useState } from 'react';
import type { Partnership, PartnershipKind } from '../../shared/domain/types';
import { savePartnership, type PartnershipInput } from '../db/partnershipRepo';
import { useDb } from '../app/DbContext';
import { Modal } from '../app/Modal';
import { useToast } from '../app/Toasts';
import { PartnershipForm } from './PartnershipForm';

const KIND_NAME: Record<PartnershipKind, string> = {
  snt: 'СНТ (садоводческое товарищество, 217-ФЗ)',
  mkd: 'МКД (собственники помещений, ЖК РФ)',
};

/** What switching the kind changes, for a partnership with people or meetings stored. */
export function kindSwitchText(to: PartnershipKind, persons: number, meetings: number): string[] {
  const rules =
    to === 'mkd'
      ? 'Новые собрания будут собраниями собственников помещений: кворум и голоса — по площади помещений (ЖК РФ).'
      : 'Новые собрания будут собраниями членов СНТ: один член — один голос, садоводы голосуют по своим вопросам (217-ФЗ).';
  const registry =
    to === 'mkd'
      ? 'Статусы «член товарищества» и «садовод» в реестре не изменятся сами: для МКД укажите собственников и площади помещений.'
      : 'Статус «собственник» в реестре не изменится сам: для СНТ укажите, кто член товарищества, а кто садовод.';
  return [
    `В базе: людей в реестре — ${persons}, собраний — ${meetings}.`,
    rules,
    'Уже созданные собрания сохранят свой вид и правила подсчёта.',
    registry,
  ];
}

export function PartnershipScreen({
  partnership,
  onSaved,
}: {
  partnership: Partnership | undefined;
  onSaved: (p: Partnership, created: boolean) => void;
}) {
  const db = useDb();
  const toast = useToast();
  const [asking, setAsking] = useState<{ input: PartnershipInput; text: string[] } | null>(null);
  const write = async (input: PartnershipInput) => {
    const saved = await savePartnership(db, input);
    toast({ message: 'Сведения о товариществе сохранены.' });
    onSaved(saved, !partnership);
  };
  const save = async (input: PartnershipInput) => {
    if (partnership && input.kind !== partnership.kind) {
      const [persons, meetings] = await Promise.all([db.persons.count(), db.meetings.count()]);
      if (persons + meetings > 0) {
        setAsking({ input, text: kindSwitchText(input.kind, persons, meetings) });
        return;
      }
    }
    await write(input);
  };
  return (
    <section aria-labelledby="partnership-title">
      <h1 id="partnership-title">{partnership ? 'Товарищество' : 'Начало работы: товарищество'}</h1>
      {!partnership && (
        <p className="lead">
          Укажите, для какого товарищества или дома ведётся подсчёт. Эти сведения попадут в протокол; их можно
          изменить позже.
        </p>
      )}
      <PartnershipForm key={partnership?.updatedAt ?? 'new'} partnership={partnership} onSave={save} />
      {asking && (
        <Modal title={`Сменить вид на ${KIND_NAME[asking.input.kind]}?`} onClose={() => setAsking(null)}>
          {asking.text.map((t) => (
            <p key={t}>{t}</p>
          ))}
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void write(asking.input).then(() => setAsking(null))}
            >
              Сменить вид
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              Отмена
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
