import { useEffect, useRef } from 'react';
import { grayToRgba, type GrayImage } from '../../shared/omr/gray';

/** A gray bitmap (a crop of a scan) drawn on a canvas; jsdom (component tests) has no 2D context. */
export function GrayCanvas({ image, label }: { image: GrayImage; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext?.('2d');
    if (!canvas || !ctx || image.width === 0 || image.height === 0) return;
    canvas.width = image.width;
    canvas.height = image.height;
    ctx.putImageData(
      new ImageData(grayToRgba(image) as Uint8ClampedArray<ArrayBuffer>, image.width, image.height),
      0,
      0,
    );
  }, [image]);
  return <canvas ref={ref} role="img" aria-label={label} className="scan-crop" />;
}
