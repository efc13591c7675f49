import { runGolos } from './golos.testkit';

// A failure no check foresaw, deep inside the tally.
vi.mock('../shared/results/tallyFiles', () => ({
  tallyFiles: () => {
    throw new RangeError('Maximum call stack size exceeded\n    at value (jsonLines.ts:1:1)');
  },
}));

it('prints one Russian line and exits 1 on an unexpected exception, never a stack trace', async () => {
  const { code, stderr, stdout } = await runGolos(
    'tally',
    '--registry',
    'package.json',
    '--meeting',
    'package.json',
    '--out',
    '/tmp/golos-never-written',
  );
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toBe(
    'Подсчёт не выполнен, ничего не записано: непредвиденная ошибка при чтении файлов ' +
      '(RangeError: Maximum call stack size exceeded).\n',
  );
});
