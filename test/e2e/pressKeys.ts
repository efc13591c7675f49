/**
 * Presses key sequences from shared/paper/entry/typeBallot in Chromium as a keyboard (or a USB scanner)
 * would. Playwright's keyboard knows the US layout only: other characters (Cyrillic letters of names
 * typed into the search, the flag keys П, Р, К, И, Д) are sent as the key events a Russian layout
 * produces, through the DevTools protocol.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { TypedKey } from '../../shared/paper/entry/typeBallot';

const sessions = new WeakMap<Page, CDPSession>();

export async function pressKeys(page: Page, keys: readonly TypedKey[]): Promise<void> {
  for (const { key } of keys) {
    const k = key.key;
    if (k.length > 1 || (k >= ' ' && k <= '~')) {
      await page.keyboard.press(key.shiftKey ? `Shift+${k}` : k);
      continue;
    }
    let session = sessions.get(page);
    if (!session) sessions.set(page, (session = await page.context().newCDPSession(page)));
    await session.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, text: k, unmodifiedText: k });
    await session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k });
  }
}
