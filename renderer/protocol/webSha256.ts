/**
 * SHA-256 of a text as lowercase hex, with the browser's native Web Crypto where there is one (the app's
 * window: a secure origin), else with the pure implementation in shared/crypto. Both hash the text's
 * UTF-8 bytes, so the digest is the same either way. Not for use inside an IndexedDB transaction (the
 * await would end it).
 */
import { utf8Bytes } from '../../shared/bytes/utf8Bytes';
import { hexOf, sha256Hex } from '../../shared/crypto/sha256';

export async function sha256HexOf(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(text);
  return hexOf(new Uint8Array(await subtle.digest('SHA-256', utf8Bytes(text))));
}
