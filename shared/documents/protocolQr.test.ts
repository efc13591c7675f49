// The protocol's QR code as a phone reads it (pdftoppm pixels decoded by jsQR): the documented text,
// with the SHA-256 of results.json computed here by node:crypto, on the first and the last page.
import { createHash } from 'node:crypto';
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import { pageQrText, pdfProperties } from '../../test/fixtures/pdfQr';
import { pdfPageCount, pdfPageTexts } from '../../test/fixtures/pdfText';
import { generatedProtocolSource, type TalliedSource } from '../../test/fixtures/protocolData';
import { resultsFileText } from '../results/resultsFile';
import { buildProtocolModel } from './protocolModel';
import { buildProtocolPdf } from './protocolPdf';
import { proofOf, protocolQrFromPdfProperties } from './protocolProof';

const fonts = readPtSansFonts();

/** The documented text, written out from results.json by hand. */
function expectedQr(source: TalliedSource): string {
  const text = resultsFileText(source.results);
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  const code = { adopted: 'A', rejected: 'R', no_quorum: 'N' } as const;
  const questions = source.results.questions.map(
    (q) => `Q${q.number}=${q.for}/${q.against}/${q.abstain}/${code[q.decision]}`,
  );
  return ['GOLOS-PROTOCOL1', hash, source.results.meeting.votingEnd, ...questions].join('|');
}

async function protocolPdf(source: TalliedSource) {
  const model = buildProtocolModel(source, { maskSnils: false, today: '2026-06-18', number: '3' });
  const proof = proofOf(source.results, { auditHead: { seq: 17, hash: 'a'.repeat(64) } });
  return { proof, pdf: await buildProtocolPdf({ ...model, proof }, fonts) };
}

describe('QR code on the protocol PDF', () => {
  it('decodes to the documented text on the first and the last page (СНТ)', async () => {
    const source = generatedProtocolSource(80, 5, 3, 'snt');
    const { pdf, proof } = await protocolPdf(source);
    const expected = expectedQr(source);
    expect(proof.qrText).toBe(expected);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(pageQrText(pdf, 1)).toBe(expected);
    expect(pageQrText(pdf, pages)).toBe(expected);
    // In the document properties too, where the app reads it without rasterizing.
    expect(pdfProperties(pdf).Keywords).toBe(expected);
    expect(protocolQrFromPdfProperties(pdf)).toBe(expected);
  });

  it('carries the decimal weights of an МКД meeting exactly as results.json has them', async () => {
    const source = generatedProtocolSource(60, 4, 7, 'mkd');
    const { pdf } = await protocolPdf(source);
    const expected = expectedQr(source);
    expect(expected).toMatch(/Q1=\d+\.\d\d\/\d+\.\d\d\/\d+\.\d\d\/[ARN]/);
    expect(pageQrText(pdf, 1)).toBe(expected);
    expect(pageQrText(pdf, pdfPageCount(pdf))).toBe(expected);
  });

  it('prints the checksums under the signatures, each named for what it covers', async () => {
    const source = generatedProtocolSource(80, 5, 3, 'snt');
    const { pdf, proof } = await protocolPdf(source);
    const text = pdfPageTexts(pdf).join(' ');
    const signatures = text.indexOf('Подписи');
    const at = (s: string) => text.indexOf(s, signatures);
    expect(signatures).toBeGreaterThan(0);
    expect(
      at(`Итоги голосования (файл results.json, он же в QR-коде): ${proof.resultsSha256}`),
    ).toBeGreaterThan(0);
    expect(at(`Журнал изменений: последняя запись № 17, её хеш ${'a'.repeat(64)}`)).toBeGreaterThan(0);
    // The heading beside the code is still whole.
    expect(pdfPageTexts(pdf)[0]).toContain('ПРОТОКОЛ');
  });
});
