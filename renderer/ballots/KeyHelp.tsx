import { memo } from 'react';
import { KEYMAP, type EntryPhase } from '../../shared/paper/entry/keymap';

const PHASES: { phase: EntryPhase; title: string }[] = [
  { phase: 'voter', title: 'Поиск участника' },
  { phase: 'ballot', title: 'Отметки бюллетеня' },
  { phase: 'invalid', title: 'После «0»: причина' },
];

/** Keys of the screen itself (not of the entry reducer). */
export const SCREEN_KEYS: { caption: string; text: string }[] = [
  { caption: 'F2', text: 'данные поступления, кто вводит (и обратно к вводу)' },
  { caption: 'F3', text: 'представитель по доверенности для этого бюллетеня' },
  { caption: 'F4', text: 'к списку введённых бюллетеней (история, исправить, отозвать); Esc — обратно' },
];

/** The on-screen list of keys, in Russian, generated from KEYMAP. */
export const KeyHelp = memo(function KeyHelp() {
  return (
    <section className="key-help" aria-label="Клавиши">
      <h3>Клавиши</h3>
      {PHASES.map(({ phase, title }) => (
        <div key={phase}>
          <h4>{title}</h4>
          <dl>
            {KEYMAP.filter((b) => b.phase === phase).map((b) => (
              <div key={`${b.command}-${b.caption}`}>
                <dt>
                  <kbd>{b.caption}</kbd>
                </dt>
                <dd>{b.text}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <h4>Экран</h4>
      <dl>
        {SCREEN_KEYS.map((k) => (
          <div key={k.caption}>
            <dt>
              <kbd>{k.caption}</kbd>
            </dt>
            <dd>{k.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
