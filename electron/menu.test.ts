import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? labels(i.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

test('every menu label is Russian; developer tools only in development', () => {
  const dev = buildMenuTemplate({ devTools: true, onAbout: () => undefined });
  const packaged = buildMenuTemplate({ devTools: false, onAbout: () => undefined });
  expect(dev.map((i) => i.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
  for (const label of labels(dev)) expect(label).toMatch(/^[А-ЯЁа-яё «»]+$/);
  expect(labels(dev)).toContain('Инструменты разработчика');
  expect(labels(packaged)).not.toContain('Инструменты разработчика');
  expect(labels(packaged)).not.toContain('Перезагрузить');
});

test('the about item calls back', () => {
  let called = 0;
  const menu = buildMenuTemplate({ devTools: false, onAbout: () => (called += 1) });
  const help = menu.find((i) => i.label === 'Справка')!.submenu as MenuItemConstructorOptions[];
  (help[0]!.click as () => void)();
  expect(called).toBe(1);
});
