/**
 * Reading a QR code from a part of a scan with jsQR (pure JS, loaded on first use). The caller crops
 * the place where the ballot's code is printed, so the decoder sees a few hundred pixels, not a page.
 */
import { grayToRgba, type GrayImage } from './gray';

export type QrDecoder = (img: GrayImage) => Promise<string | null>;

let loaded: Promise<typeof import('jsqr').default> | undefined;

export const decodeQrJs: QrDecoder = async (img) => {
  loaded ??= import('jsqr').then((m) => {
    // CommonJS package: the function is the default export under Vite, or its `default` under Node.
    const mod = m as unknown as {
      default: typeof import('jsqr').default | { default: typeof import('jsqr').default };
    };
    return typeof mod.default === 'function' ? mod.default : mod.default.default;
  });
  const jsQR = await loaded;
  if (img.width < 21 || img.height < 21) return null;
  const found = jsQR(grayToRgba(img), img.width, img.height, { inversionAttempts: 'dontInvert' });
  return found?.data ?? null;
};
