/**
 * The page images of PDFs made by other tools (test/fixtures/pdf-images/make.sh: img2pdf, qpdf; jsPDF
 * as the bench's copier PDF), checked against poppler's pdftoppm rendering the same pages: the pixels
 * the reader takes without rendering are the ones a PDF viewer shows, the right way up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readPgm } from '../../cli/pgm';
import { copierPdf } from '../../test/fixtures/scannedPdf';
import { embeddedPage } from './embeddedGray';
import { rgbaToGray, rotate180, type GrayImage } from './gray';
import { sampledGray } from './embeddedGray';
import { pdfPageImages, type EmbeddedImage } from './pdfImages';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/pdf-images');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const work = mkdtempSync(join(tmpdir(), 'golos-pdf-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** pdftoppm's gray rendering of every page at `dpi` (or at `size` pixels). */
function poppler(pdf: Uint8Array, dpi: number, size?: [number, number]): GrayImage[] {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) => {
    const scale = size ? ['-scale-to-x', `${size[0]}`, '-scale-to-y', `${size[1]}`] : ['-r', `${dpi}`];
    const out = execFileSync('pdftoppm', ['-gray', ...scale, '-f', `${i + 1}`, '-l', `${i + 1}`, file], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return readPgm(new Uint8Array(out));
  });
}

/** The page as the scans worker takes it (a JPEG decoded by jpeg-js here, by the browser there). */
function pageOf(image: EmbeddedImage): GrayImage {
  if (image.filter !== 'DCTDecode') return embeddedPage(image, sampledGray(image)!)!;
  const d = jpeg.decode(image.bytes, { useTArray: true });
  return embeddedPage(image, rgbaToGray(d.data, d.width, d.height))!;
}

const meanDiff = (a: GrayImage, b: GrayImage): number => {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
};

/** Every page taken equals pdftoppm's, and not its half turn (the picture tells the two apart). */
function expectAsShown(pdf: Uint8Array, dpi: number, size?: [number, number]): (EmbeddedImage | null)[] {
  const images = pdfPageImages(pdf);
  if (!images.ok) throw new Error(images.error[0]!.message);
  const shown = poppler(pdf, dpi, size);
  expect(images.value).toHaveLength(shown.length);
  images.value.forEach((image, i) => {
    expect(image).not.toBeNull();
    const page = pageOf(image!);
    // pdftoppm's own resampling moves an edge by a pixel here and there, and gray levels by one or two.
    expect(meanDiff(page, shown[i]!)).toBeLessThan(4);
    expect(meanDiff(rotate180(page), shown[i]!)).toBeGreaterThan(12);
  });
  return images.value;
}

describe('pdfPageImages', () => {
  it('takes img2pdf pages as stored: the JPEG file itself, Flate RGB and gray samples with the PNG predictor', () => {
    const images = expectAsShown(fixture('copier.pdf'), 96);
    expect(images.map((i) => i!.filter)).toEqual(['DCTDecode', 'FlateDecode', 'FlateDecode']);
    expect(Buffer.from(images[0]!.bytes).equals(readFileSync(join(fixtures, 'page.jpg')))).toBe(true);
    expect(images.map((i) => [i!.colors, i!.width, i!.height, Math.round(i!.dpi)])).toEqual([
      [3, 60, 84, 96],
      [3, 60, 84, 96],
      [1, 60, 84, 96],
    ]);
  });

  it.each(['rotated-90.pdf', 'rotated-180.pdf', 'rotated-270.pdf'])(
    'turns a page with /Rotate as a viewer shows it (%s)',
    (name) => {
      const [image] = expectAsShown(fixture(name), 96);
      const turned = !name.includes('180');
      expect(pageOf(image!).width).toBe(turned ? 84 : 60);
    },
  );

  it('reads object streams and a cross-reference stream (qpdf) the same as the plain file', () => {
    const pdf = fixture('object-streams.pdf');
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text).toContain('/ObjStm');
    expect(text).toContain('/XRef');
    const images = expectAsShown(pdf, 96);
    const plain = pdfPageImages(fixture('copier.pdf'));
    expect(plain.ok && images.map((i) => i!.bytes.length)).toEqual(
      plain.ok && plain.value.map((i) => i!.bytes.length),
    );
  });

  it('takes each JPEG of a copier-style jsPDF file (the bench and e2e stacks) byte for byte, at its dpi', async () => {
    const jpegs = [0, 1].map((k) => {
      // A4 at 25.4 dpi: 210 × 297 pixels exactly, one a millimetre.
      const width = 210;
      const height = 297;
      const data = Buffer.alloc(width * height * 4, 255);
      for (let i = k * 20000; i < k * 20000 + 10000; i++) data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = 0;
      return jpeg.encode({ data, width, height }, 80).data;
    });
    const images = expectAsShown(await copierPdf(jpegs.map((j) => () => j)), 25.4, [210, 297]);
    images.forEach((image, i) => {
      expect(Buffer.from(image!.bytes).equals(Buffer.from(jpegs[i]!))).toBe(true);
      expect(image!.dpi).toBeCloseTo(25.4, 1);
      expect(image!.axes).toEqual({ right: [1, 0], down: [0, 1] });
    });
  });

  it('leaves to rendering a page with text or a second image, and takes the plain page beside it', async () => {
    const { jsPDF } = await import('jspdf');
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
    const jpg = readFileSync(join(fixtures, 'page.jpg'));
    doc.addImage(jpg, 'JPEG', 0, 0, 210, 297);
    doc.addPage('a4', 'portrait');
    doc.addImage(jpg, 'JPEG', 0, 0, 210, 297);
    doc.text('Бюллетень', 20, 20);
    doc.addPage('a4', 'portrait');
    doc.addImage(jpg, 'JPEG', 0, 0, 105, 148);
    doc.addPage('a4', 'portrait');
    doc.line(10, 10, 100, 100);
    const images = pdfPageImages(new Uint8Array(doc.output('arraybuffer')));
    expect(images.ok && images.value.map((i) => i?.filter ?? null)).toEqual(['DCTDecode', null, null, null]);
  });

  it('reads a mirrored 1-bit Flate image with /Decode [1 0] as pdftoppm shows it', () => {
    // 64 × 32 pixels at 64 dpi; bits 1 (black, by the /Decode) in the left quarter of the top rows.
    const width = 64;
    const height = 32;
    const rows = new Uint8Array(8 * height);
    for (let r = 0; r < 12; r++) rows.set([0xff, 0xff], r * 8);
    const content = `q -72 0 0 36 72 0 cm /Im1 Do Q`;
    const pdf = handPdf(
      content,
      `/Width ${width} /Height ${height} /BitsPerComponent 1 /ColorSpace /DeviceGray /Decode [1 0] /Filter /FlateDecode`,
      zlibSync(rows),
      '[0 0 72 36]',
    );
    const [image] = expectAsShown(pdf, 64);
    expect(image!.axes).toEqual({ right: [-1, 0], down: [0, 1] });
    expect(image!.inverted).toBe(true);
  });

  it('finds the objects of a file whose cross-reference offsets are wrong or missing', () => {
    const pdf = fixture('copier.pdf');
    const shifted = new Uint8Array(pdf.length + 64);
    shifted.set(new TextEncoder().encode('%PDF-1.3\n%' + ' '.repeat(53) + '\n'));
    shifted.set(pdf, 64);
    expectAsShown(shifted, 96);
    // The last cross-reference table and trailer cut off: the objects are all there.
    const cut = pdf.subarray(0, new TextDecoder('latin1').decode(pdf).lastIndexOf('\nxref'));
    const images = pdfPageImages(cut);
    expect(images.ok && images.value.map((i) => i?.filter)).toEqual([
      'DCTDecode',
      'FlateDecode',
      'FlateDecode',
    ]);
  });

  it('gives a Russian problem, not an exception, for a file that is not a PDF or is cut short', () => {
    const pdf = fixture('copier.pdf');
    for (const bytes of [new TextEncoder().encode('не PDF'), pdf.subarray(0, 300), new Uint8Array(0)]) {
      const result = pdfPageImages(bytes, 'пачка.pdf');
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error[0]).toMatchObject({
          message: 'файл PDF не читается: он повреждён или обрезан',
          file: 'пачка.pdf',
        });
    }
  });
});

/** A one-page PDF written by hand: the content stream, one image XObject /Im1, correct offsets. */
function handPdf(content: string, imageDict: string, data: Uint8Array, mediaBox: string): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  const put = (p: Uint8Array | string) => {
    const b = typeof p === 'string' ? enc.encode(p) : p;
    parts.push(b);
    at += b.length;
  };
  put('%PDF-1.4\n');
  const obj = (n: number, body: string, stream?: Uint8Array) => {
    offsets[n] = at;
    put(`${n} 0 obj\n${body}\n`);
    if (stream) {
      put('stream\n');
      put(stream);
      put('\nendstream\n');
    }
    put('endobj\n');
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox ${mediaBox} >>`);
  obj(3, '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>');
  obj(4, `<< /Length ${content.length} >>`, enc.encode(content));
  obj(5, `<< /Type /XObject /Subtype /Image ${imageDict} /Length ${data.length} >>`, data);
  const xref = at;
  put(`xref\n0 6\n0000000000 65535 f \n`);
  for (let n = 1; n <= 5; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(at);
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
}
