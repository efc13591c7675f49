/**
 * Checks of a Russian organisation's requisites. Each returns a Russian message for the form, or null
 * when the value is fine (an empty value is fine: both are optional).
 */

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

export function innProblem(raw: string | undefined): string | null {
  const inn = (raw ?? '').trim();
  if (!inn) return null;
  if (!/^\d+$/.test(inn)) return 'ИНН состоит только из цифр.';
  if (inn.length !== 10 && inn.length !== 12) return 'ИНН организации — 10 цифр (12 — у предпринимателя).';
  const ok =
    inn.length === 10
      ? checkDigit(inn, INN10_WEIGHTS) === Number(inn[9])
      : checkDigit(inn, INN11_WEIGHTS) === Number(inn[10]) &&
        checkDigit(inn, INN12_WEIGHTS) === Number(inn[11]);
  return ok ? null : 'Контрольное число ИНН не сходится: проверьте цифры.';
}

export function ogrnProblem(raw: string | undefined): string | null {
  const ogrn = (raw ?? '').trim();
  if (!ogrn) return null;
  if (!/^\d+$/.test(ogrn)) return 'ОГРН состоит только из цифр.';
  if (ogrn.length !== 13) return 'ОГРН — 13 цифр.';
  const control = Number(BigInt(ogrn.slice(0, 12)) % 11n) % 10;
  return control === Number(ogrn[12]) ? null : 'Контрольная цифра ОГРН не сходится: проверьте цифры.';
}
