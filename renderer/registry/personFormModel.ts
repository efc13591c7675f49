import type { PartnershipKind, Person, PersonStatus } from '../../shared/domain/types';
import type { Problem } from '../../shared/result';
import { normalizeCadastral } from '../../shared/registry/cadastral';
import { parseAreaCell, parseShareCell } from '../../shared/registry/fieldValues';
import { REGISTRY_PROBLEM } from '../../shared/registry/problemCodes';
import { registryFieldLabel } from '../../shared/registry/registryFields';
import { formatSnils, normalizeSnils } from '../../shared/registry/snils';
import { validatePerson } from '../../shared/registry/validateRegistry';

export interface HoldingValues {
  plotNumber: string;
  cadastralNumber: string;
  area: string;
  share: string;
}

export interface PersonFormValues {
  fullName: string;
  status: PersonStatus;
  snils: string;
  residentialAddress: string;
  postalAddress: string;
  email: string;
  phone: string;
  note: string;
  holdings: HoldingValues[];
}

type PersonTextField = 'fullName' | 'snils' | 'email' | 'status';
type HoldingField = keyof HoldingValues;
/** A form path a problem is shown next to; `holdings` is the holdings list as a whole. */
export type ProblemPath = PersonTextField | `holdings.${number}.${HoldingField}` | 'holdings';

export const EMPTY_HOLDING: HoldingValues = { plotNumber: '', cadastralNumber: '', area: '', share: '' };

export function toFormValues(p: Person | undefined, kind: PartnershipKind): PersonFormValues {
  return {
    fullName: p?.fullName ?? '',
    status: p?.status ?? (kind === 'mkd' ? 'owner' : 'member'),
    snils: p?.snils ? formatSnils(p.snils) : '',
    residentialAddress: p?.residentialAddress ?? '',
    postalAddress: p?.postalAddress ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    note: p?.note ?? '',
    holdings: (p?.holdings.length ? p.holdings : [{ plotNumber: '' }]).map((h) => ({
      plotNumber: h.plotNumber,
      cadastralNumber: h.cadastralNumber ?? '',
      area: h.area ?? '',
      share: h.share ?? '',
    })),
  };
}

/**
 * The person the form describes. Values are normalised the way the import does it (СНИЛС digits, area
 * `54.30`, share `1/2`); text that cannot be read is kept as typed so validation names it.
 */
export function toPerson(
  v: PersonFormValues,
  base: Person | undefined,
): { person: Person; /** Form row of each holding (blank rows are left out). */ holdingRows: number[] } {
  const holdingRows: number[] = [];
  const person: Person = {
    ...(base ?? {}),
    id: base?.id ?? '',
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    status: v.status,
    holdings: [],
  };
  const optional = (
    key: 'residentialAddress' | 'postalAddress' | 'email' | 'phone' | 'note',
    text: string,
  ) => {
    const t = text.trim();
    if (t) person[key] = t;
    else delete person[key];
  };
  const snils = v.snils.trim();
  if (snils) person.snils = normalizeSnils(snils) ?? snils;
  else delete person.snils;
  optional('residentialAddress', v.residentialAddress);
  optional('postalAddress', v.postalAddress);
  optional('email', v.email);
  optional('phone', v.phone);
  optional('note', v.note);
  v.holdings.forEach((h, row) => {
    const plotNumber = h.plotNumber.trim();
    const cadastral = normalizeCadastral(h.cadastralNumber);
    const areaText = h.area.trim();
    const shareText = h.share.trim();
    if (!plotNumber && !cadastral && !areaText && !shareText) return;
    const holding: Person['holdings'][number] = { plotNumber };
    if (cadastral) holding.cadastralNumber = cadastral;
    if (areaText) holding.area = parseAreaCell(areaText)?.area ?? areaText;
    if (shareText) {
      const share = parseShareCell(shareText);
      if (!share) holding.share = shareText;
      else if (share.share) holding.share = share.share;
    }
    person.holdings.push(holding);
    holdingRows.push(row);
  });
  return { person, holdingRows };
}

/** `Поле «СНИЛС»: контрольная сумма …` -> `Контрольная сумма …` (the field is named by its label). */
function shortMessage(message: string): string {
  const text = message.replace(/^Поле «[^»]*»: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FormProblem {
  path: ProblemPath;
  message: string;
  severity: Problem['severity'];
}

/**
 * Validation of the edited person against the rest of the registry (shared validatePerson), each problem
 * attached to the form field it is about. Holdings are checked one by one so a problem lands on its row.
 */
export function personFormProblems(
  person: Person,
  others: readonly Person[],
  kind: PartnershipKind,
  holdingRows: number[],
): FormProblem[] {
  const label = (f: Parameters<typeof registryFieldLabel>[0]) => registryFieldLabel(f, kind);
  const personPaths: Record<string, PersonTextField> = {
    [label('fullName')]: 'fullName',
    [label('snils')]: 'snils',
    [label('email')]: 'email',
    [label('status')]: 'status',
  };
  const holdingPaths: Record<string, HoldingField> = {
    [label('plotNumber')]: 'plotNumber',
    [label('cadastralNumber')]: 'cadastralNumber',
    [label('area')]: 'area',
    [label('share')]: 'share',
  };
  const out: FormProblem[] = [];
  for (const p of validatePerson({ ...person, holdings: [] }, others, kind)) {
    const path = p.field ? personPaths[p.field] : undefined;
    if (path) out.push({ path, message: shortMessage(p.message), severity: p.severity });
  }
  if (person.holdings.length === 0) {
    out.push({
      path: 'holdings',
      message: kind === 'mkd' ? 'Не указано ни одного помещения.' : 'Не указано ни одного участка.',
      severity: 'warning',
    });
  }
  person.holdings.forEach((h, k) => {
    for (const p of validatePerson({ ...person, holdings: [h] }, others, kind)) {
      if (p.code === REGISTRY_PROBLEM.noHoldings) continue;
      const field = p.field ? holdingPaths[p.field] : undefined;
      if (field) {
        out.push({
          path: `holdings.${holdingRows[k] ?? k}.${field}`,
          message: shortMessage(p.message),
          severity: p.severity,
        });
      }
    }
  });
  return out;
}
