import { useEffect, useState } from 'react';
import type { GrayImage } from '../../shared/omr/gray';
import type { CropSpan } from '../db/records';
import { cropPng } from './cropFiles';

/**
 * A review card's crop of a scan, shown from its PNG file (cropFiles.ts) through an object URL (the CSP
 * allows blob: images): the browser decodes it off the window's thread. The URL is revoked when the crop
 * changes or the card closes; jsdom (component tests) has no object URLs, so there it has no source.
 */
export function CropImage({
  crop,
  crops,
  label,
}: {
  crop: CropSpan | GrayImage;
  /** The stack's crop file. */
  crops: Blob | undefined;
  label: string;
}) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const made = URL.createObjectURL(cropPng(crop, crops));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [crop, crops]);
  return <img src={url || undefined} alt={label} className="scan-crop" />;
}
