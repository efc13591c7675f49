import { err, hasErrors, ok, problem } from './result';

test('result values and problems', () => {
  expect(ok(1)).toEqual({ ok: true, value: 1 });
  expect(err('x')).toEqual({ ok: false, error: 'x' });
  const p = problem('c', 'Строка 2: пустое ФИО', { row: 2, field: 'ФИО' });
  expect(hasErrors([p])).toBe(true);
  expect(hasErrors([{ ...p, severity: 'warning' }])).toBe(false);
});
