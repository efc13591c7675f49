import { createHash } from 'node:crypto';
import { generatedProtocolSource } from '../../test/fixtures/protocolData';
import { resultsFileText } from '../results/resultsFile';
import {
  compareProtocolQr,
  encodeProtocolQr,
  parseProtocolQr,
  protocolQrText,
  readResultsFile,
  tallyInputSha256,
  type ProtocolQr,
} from './protocolProof';

const HASH = createHash('sha256').update('results').digest('hex');
const QR: ProtocolQr = {
  resultsSha256: HASH,
  date: '2026-06-20',
  questions: [
    { number: 1, for: '41', against: '3', abstain: '2', decision: 'A' },
    { number: 2, for: '1234.56', against: '20.00', abstain: '0.00', decision: 'N' },
  ],
};

test('the documented text, and read back', () => {
  const text = encodeProtocolQr(QR);
  expect(text).toBe(`GOLOS-PROTOCOL1|${HASH}|2026-06-20|Q1=41/3/2/A|Q2=1234.56/20.00/0.00/N`);
  expect(parseProtocolQr(text)).toEqual({ ok: true, value: QR });
  expect(parseProtocolQr(`GOLOS1|m|p|1/2`).ok).toBe(false);
  expect(parseProtocolQr(text.replace('Q2=', 'Q2=x')).ok).toBe(false);
});

test('names every figure that differs, and a different file with the same figures', () => {
  const edited: ProtocolQr = {
    ...QR,
    resultsSha256: '0'.repeat(64),
    questions: [
      { ...QR.questions[0]!, against: '4', decision: 'R' },
      QR.questions[1]!,
      { number: 3, for: '1', against: '0', abstain: '0', decision: 'A' },
    ],
  };
  expect(compareProtocolQr(QR, edited)).toEqual([
    'Вопрос 1, «против»: в протоколе 3, в results.json 4.',
    'Вопрос 1, решение: в протоколе «принято», в results.json «не принято».',
    'Вопрос 3: нет в протоколе, есть в results.json.',
    `Контрольная сумма итогов (SHA-256 results.json): в протоколе ${HASH}, в results.json ${'0'.repeat(64)}.`,
  ]);
  expect(compareProtocolQr(QR, { ...QR, resultsSha256: '1'.repeat(64) })[0]).toContain(
    'цифры вопросов совпадают, но файл итогов другой',
  );
  expect(compareProtocolQr(QR, QR)).toEqual([]);
});

test('results.json read back gives the text the protocol was built with', () => {
  const { results } = generatedProtocolSource(30, 3, 5, 'mkd');
  const text = resultsFileText(results);
  const read = readResultsFile(new TextEncoder().encode(text));
  expect(read.ok && encodeProtocolQr(read.value)).toBe(protocolQrText(text, results));
  expect(readResultsFile(new TextEncoder().encode('{"a":1}')).ok).toBe(false);
  expect(readResultsFile(new Uint8Array([0xff, 0xfe])).ok).toBe(false);
});

test('the tally input hash sees any value, not the key order', () => {
  const a = { meeting: { a: 1, b: 2 }, registry: [], ballots: [{ x: 'за' }] };
  expect(tallyInputSha256(a)).toBe(tallyInputSha256({ ...a, meeting: { b: 2, a: 1 } }));
  expect(tallyInputSha256(a)).not.toBe(tallyInputSha256({ ...a, ballots: [{ x: 'против' }] }));
});
