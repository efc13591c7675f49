// «Проверить протокол»: the protocol (PDF, the package zip, or the PDF with results.json) against the
// meeting's data now.
import { zipSync } from 'fflate';
import { buildProtocolModel } from '../../shared/documents/protocolModel';
import { buildProtocolPdf } from '../../shared/documents/protocolPdf';
import { proofOf } from '../../shared/documents/protocolProof';
import { resultsFileText } from '../../shared/results/resultsFile';
import { readPtSansFonts } from '../../test/bench/ballotsPdfBench';
import { generatedProtocolSource } from '../../test/fixtures/protocolData';
import { checkProtocolFiles } from './protocolCheck';

const source = generatedProtocolSource(40, 3, 9, 'snt');
const resultsBytes = new TextEncoder().encode(resultsFileText(source.results));
let pdf: Uint8Array;

beforeAll(async () => {
  const model = buildProtocolModel(source, { maskSnils: false, today: '2026-06-18' });
  pdf = await buildProtocolPdf({ ...model, proof: proofOf(source.results) }, readPtSansFonts());
}, 120_000);

test('a protocol of unchanged data matches, from the PDF alone or the package zip', () => {
  const alone = checkProtocolFiles([{ name: 'Протокол.pdf', bytes: pdf }], source.results);
  expect(alone.problems).toEqual([]);
  expect(alone.changed).toEqual([]);
  expect(alone.printed?.questions).toHaveLength(3);

  const zip = zipSync({ 'Протокол/Протокол.pdf': pdf, 'Протокол/results.json': resultsBytes });
  const packaged = checkProtocolFiles([{ name: 'Протокол.zip', bytes: zip }], source.results);
  expect(packaged.hadResults).toBe(true);
  expect(packaged.changed).toEqual([]);
  expect(packaged.packageDiffers).toEqual([]);
});

test('names what changed since the protocol, and a results.json that is not the one it names', () => {
  const q = source.results.questions[0]!;
  const now = {
    ...source.results,
    questions: [{ ...q, against: Number(q.against) + 1 }, ...source.results.questions.slice(1)],
  };
  const edited = new TextEncoder().encode(resultsFileText(now));
  const check = checkProtocolFiles(
    [
      { name: 'Протокол.pdf', bytes: pdf },
      { name: 'results.json', bytes: edited },
    ],
    now,
  );
  expect(check.changed[0]).toBe(
    `Вопрос 1, «против»: в протоколе ${q.against}, сейчас ${Number(q.against) + 1}.`,
  );
  expect(check.packageDiffers[0]).toBe(
    `Вопрос 1, «против»: в протоколе ${q.against}, в results.json пакета ${Number(q.against) + 1}.`,
  );
});

test('says what is wrong with files that are not a protocol', () => {
  expect(
    checkProtocolFiles([{ name: 'a.pdf', bytes: new Uint8Array([1, 2]) }], source.results).problems[0],
  ).toContain('нет QR-кода протокола Голоса');
  expect(
    checkProtocolFiles([{ name: 'results.json', bytes: resultsBytes }], source.results).problems,
  ).toEqual(['Среди выбранных файлов нет протокола (PDF).']);
  expect(
    checkProtocolFiles([{ name: 'p.zip', bytes: new Uint8Array([1]) }], source.results).problems[0],
  ).toContain('архив не читается');
});
