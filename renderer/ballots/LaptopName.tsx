/**
 * This laptop's name for batch files: asked once (before the first exchange), shown after that with a
 * way to rename it.
 */
import { useEffect, useState } from 'react';
import { useDb } from '../app/DbContext';
import { getLaptop, setLaptopName, type Laptop } from './laptop';

export function useLaptop(): [Laptop | null, (l: Laptop) => void] {
  const db = useDb();
  const [laptop, setLaptop] = useState<Laptop | null>(null);
  useEffect(() => {
    let live = true;
    void getLaptop(db).then((l) => live && setLaptop(l));
    return () => {
      live = false;
    };
  }, [db]);
  return [laptop, setLaptop];
}

export function LaptopName({
  laptop,
  operator,
  onChange,
}: {
  laptop: Laptop;
  operator: string;
  onChange: (l: Laptop) => void;
}) {
  const db = useDb();
  const [editing, setEditing] = useState(!laptop.named);
  const [name, setName] = useState(laptop.name);
  if (!editing) {
    return (
      <p>
        Этот ноутбук: <strong>«{laptop.name}»</strong>{' '}
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Переименовать
        </button>
      </p>
    );
  }
  return (
    <form
      className="laptop-name"
      onSubmit={(e) => {
        e.preventDefault();
        void setLaptopName(db, name, operator).then((l) => {
          onChange(l);
          setEditing(false);
        });
      }}
    >
      <label>
        Как называется этот ноутбук (его имя будет в файлах бюллетеней)?{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Название ноутбука" />
      </label>{' '}
      <button type="submit">Сохранить название</button>
    </form>
  );
}
