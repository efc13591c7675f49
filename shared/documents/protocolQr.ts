/**
 * The proof drawn on the protocol PDF (shared/documents/protocolProof): the QR code in the top right
 * corner of the first page and at the end of the last, the checksums under the signatures, each named
 * for what it covers, and the QR text in the document properties (Keywords), where the app reads it
 * without rasterizing the page.
 */
import type { PdfKit } from './pdfKit';
import type { ProtocolProof } from './protocolProof';
import { qrModules, qrRects, type QrModules } from './qrMatrix';

/** The printed side of the code, mm: about 0.5 mm a module, within 26..40 mm. */
function qrSide(modules: QrModules): number {
  return Math.min(40, Math.max(26, modules.size * 0.5));
}

const CAPTION = 'Итоги для проверки машиной';

function drawCode(kit: PdfKit, modules: QrModules, x: number, y: number): number {
  const side = qrSide(modules);
  kit.fillRects(qrRects(modules, x, y, side));
  kit.drawLines([CAPTION], x + side / 2, y + side + 0.6, { style: 'regular', size: 6.5, align: 'center' });
  return side + 3.5;
}

/**
 * Draws the QR code in the top right corner of the current (first) page, and `heading` beside it: the
 * heading is drawn with the margins widened on both sides by the code's width, so centred lines stay
 * centred and clear of it. The cursor ends below both. Without a proof only the heading is drawn.
 */
export async function drawFirstPageQr(
  kit: PdfKit,
  proof: ProtocolProof | undefined,
  heading: () => void,
): Promise<void> {
  if (!proof) return heading();
  const modules = await qrModules(proof.qrText);
  const top = kit.y;
  const height = drawCode(kit, modules, kit.right - qrSide(modules), top);
  const inset = qrSide(modules) + 3;
  const { left, right } = kit.margins;
  kit.margins.left += inset;
  kit.margins.right += inset;
  try {
    heading();
  } finally {
    kit.margins.left = left;
    kit.margins.right = right;
  }
  kit.y = Math.max(kit.y, top + height + 1);
}

/** The QR code again at the end of the document (a new page when the last one is full). */
export async function drawLastPageQr(kit: PdfKit, proof: ProtocolProof | undefined): Promise<void> {
  if (!proof) return;
  const modules = await qrModules(proof.qrText);
  const side = qrSide(modules);
  kit.space(3);
  kit.ensureSpace(side + 4);
  const top = kit.y;
  const note = kit.wrap(
    'QR-код содержит контрольную сумму файла итогов results.json, дату собрания и итоги по каждому вопросу. ' +
      'Проверка: golos verify --protocol протокол.pdf --results results.json или «Проверить протокол» в программе.',
    kit.contentWidth - side - 6,
    'regular',
    8,
  );
  kit.drawLines(note, kit.left, top, { style: 'regular', size: 8 });
  kit.y = top + drawCode(kit, modules, kit.right - side, top);
}

/** Puts the QR text into the document properties (Keywords) for reading without rasterizing. */
export function setProofProperties(kit: PdfKit, proof: ProtocolProof | undefined): void {
  if (proof) kit.doc.setProperties({ keywords: proof.qrText });
}

/**
 * The checksums under the signatures, each named for what it covers. Returns false when there is no
 * proof (the builder then prints what it printed before).
 */
export function drawProofLines(kit: PdfKit, proof: ProtocolProof | undefined): boolean {
  if (!proof) return false;
  const line = (text: string) => kit.paragraph(text, { size: 8.5, after: 0.8 });
  kit.paragraph('Контрольные суммы (SHA-256)', { style: 'bold', size: 9, after: 0.8 });
  line(`Итоги голосования (файл results.json, он же в QR-коде): ${proof.resultsSha256}`);
  if (proof.inputSha256) {
    line(
      `Исходные данные подсчёта (реестр на дату собрания, бюллетени, решения комиссии, сведения о собрании): ${proof.inputSha256}`,
    );
  }
  if (proof.auditHead) {
    line(`Журнал изменений: последняя запись № ${proof.auditHead.seq}, её хеш ${proof.auditHead.hash}`);
  }
  if (proof.integrityReason) {
    kit.space(1);
    kit.paragraph(
      'Протокол составлен при расхождении данных с журналом изменений. Решение комиссии: ' +
        proof.integrityReason,
      { style: 'bold', size: 9, after: 0.8 },
    );
    for (const issue of proof.integrityIssues ?? []) line(`— ${issue}`);
  }
  return true;
}
