/**
 * The meeting's settings that the law leaves to the building or the charter (docs/domain.md): МКД's
 * total area of premises and whether it runs through ГИС ЖКХ; СНТ's exceptions to the remote-only list
 * and until when paper ballots count. Values as typed, the meeting they set, Russian errors.
 */
import type { Meeting } from '../../shared/meetings/meeting';

export interface LawSettingValues {
  /** m², as typed (`5230,40`); empty: the registry's sum of areas is all votes. */
  buildingArea: string;
  viaGisZhkh: boolean;
  charterAllowsElectronic: boolean;
  emergencyRegime: boolean;
  paperUntil: 'votingEnd' | 'session';
}

export function toLawSettingValues(m: Meeting): LawSettingValues {
  return {
    buildingArea: m.buildingArea ? m.buildingArea.replace('.', ',') : '',
    viaGisZhkh: m.viaGisZhkh ?? false,
    charterAllowsElectronic: m.charterAllowsElectronic ?? false,
    emergencyRegime: m.emergencyRegime ?? false,
    paperUntil: m.paperUntil ?? 'votingEnd',
  };
}

const AREA = /^\d+([.,]\d{1,2})?$/;

/** Sets (or clears) the settings of the meeting's kind on `m`, in place; the other kind's are dropped. */
export function applyLawSettings(v: LawSettingValues, m: Meeting): void {
  for (const key of ['buildingArea', 'viaGisZhkh', 'charterAllowsElectronic', 'emergencyRegime'] as const) {
    delete m[key];
  }
  delete m.paperUntil;
  if (m.kind === 'mkd') {
    const area = v.buildingArea.trim().replace(/\s/g, '');
    if (AREA.test(area)) m.buildingArea = area.replace(',', '.');
    if (v.viaGisZhkh) m.viaGisZhkh = true;
  } else {
    if (v.charterAllowsElectronic) m.charterAllowsElectronic = true;
    if (v.emergencyRegime) m.emergencyRegime = true;
  }
  if (m.form === 'mixed' && v.paperUntil === 'session') m.paperUntil = 'session';
}

export function lawSettingErrors(v: LawSettingValues): Partial<Record<keyof LawSettingValues, string>> {
  const area = v.buildingArea.trim().replace(/\s/g, '');
  if (area && (!AREA.test(area) || Number(area.replace(',', '.')) <= 0)) {
    return { buildingArea: 'Общая площадь: число квадратных метров больше нуля, например 5230,40.' };
  }
  return {};
}
