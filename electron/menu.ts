/** The application menu: minimal, in Russian. Developer tools only in an unpacked (development) run. */
import type { MenuItemConstructorOptions } from 'electron';

export function buildMenuTemplate(opts: {
  devTools: boolean;
  onAbout: () => void;
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Обычный масштаб' },
    { role: 'zoomIn', label: 'Увеличить' },
    { role: 'zoomOut', label: 'Уменьшить' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Во весь экран' },
  ];
  if (opts.devTools) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Перезагрузить' });
    view.push({ role: 'toggleDevTools', label: 'Инструменты разработчика' });
  }
  return [
    { label: 'Файл', submenu: [{ role: 'quit', label: 'Выход' }] },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    { label: 'Вид', submenu: view },
    { label: 'Справка', submenu: [{ label: 'О программе «Голос»', click: () => opts.onAbout() }] },
  ];
}
