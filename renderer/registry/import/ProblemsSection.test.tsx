// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, type Problem } from '../../../shared/result';
import { ProblemsSection } from './ProblemsSection';

const fileProblem = problem('status_column_missing', 'В файле «р.csv» нет столбца «Статус».', {}, 'warning');
/** Rows 2–16 each with a bad e-mail; row 3 also with an empty name. */
const rowProblems: Problem[] = Array.from({ length: 15 }, (_, i) =>
  problem(
    'email_format',
    `Строка ${i + 2}, поле «Эл. почта»: «x${i}@@» — не адрес.`,
    { row: i + 2, field: 'Эл. почта' },
    'warning',
  ),
);
rowProblems.splice(
  1,
  0,
  problem('name_empty', 'Строка 3, поле «ФИО»: не заполнено.', { row: 3, field: 'ФИО' }),
);
const problems = [fileProblem, ...rowProblems];
const rows = Array.from({ length: 10 }, (_, i) => ({ row: i + 2, cells: ['', `x${i}@@`] }));

describe('the problems of an import preview', () => {
  it('shows each problem once: the file’s own, each row to fix with its problems, then the rest', () => {
    render(
      <ProblemsSection
        rows={rows}
        total={15}
        problems={problems}
        mapping={{ fullName: 0, email: 1 }}
        kind="snt"
        onFix={() => {}}
      />,
    );
    const section = screen.getByRole('region', { name: 'Проблемы в файле' });
    for (const p of problems) expect(section.textContent!.split(p.message)).toHaveLength(2);
    expect(within(section).getAllByRole('form')).toHaveLength(10);
    const row3 = within(section).getByRole('form', { name: 'Строка 3' });
    expect(
      within(row3)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Ошибка: Строка 3, поле «ФИО»: не заполнено.',
      'Предупреждение: Строка 3, поле «Эл. почта»: «x1@@» — не адрес.',
    ]);
    // The row's fields its problems name are open to edit.
    expect(within(row3).getAllByRole('textbox')).toHaveLength(2);
    expect(
      within(screen.getByRole('list', { name: 'Проблемы файла' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    const rest = within(screen.getByRole('list', { name: 'Замечания остальных строк' })).getAllByRole(
      'listitem',
    );
    expect(rest.map((li) => li.textContent)).toEqual(
      [12, 13, 14, 15, 16].map(
        (r) => `Предупреждение: Строка ${r}, поле «Эл. почта»: «x${r - 2}@@» — не адрес.`,
      ),
    );
    expect(section).toHaveTextContent('Здесь первые 10 из 15 строк с замечаниями, остальные — ниже.');
  });

  it('says there are none', () => {
    render(<ProblemsSection rows={[]} total={0} problems={[]} mapping={{}} kind="snt" onFix={() => {}} />);
    expect(screen.getByRole('region', { name: 'Проблемы в файле' })).toHaveTextContent('Проблем не найдено.');
  });
});
