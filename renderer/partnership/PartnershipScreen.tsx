import type { Partnership } from '../../shared/domain/types';
import { savePartnership, type PartnershipInput } from '../db/partnershipRepo';
import { useDb } from '../app/DbContext';
import { useToast } from '../app/Toasts';
import { PartnershipForm } from './PartnershipForm';

export function PartnershipScreen({
  partnership,
  onSaved,
}: {
  partnership: Partnership | undefined;
  onSaved: (p: Partnership, created: boolean) => void;
}) {
  const db = useDb();
  const toast = useToast();
  const save = async (input: PartnershipInput) => {
    const saved = await savePartnership(db, input);
    toast({ message: 'Сведения о товариществе сохранены.' });
    onSaved(saved, !partnership);
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
    </section>
  );
}
