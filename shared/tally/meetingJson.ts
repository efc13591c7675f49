/**
 * The meeting description file of the command line (JSON): the MeetingSpec fields, plus optional
 * `profile` overrides of the rule profile. Every problem names the line and the field.
 */
import type { Channel, MeetingSpec, Question, Rule } from '../domain/types';
import { err, ok, problem, type Problem, type Result } from '../result';
import type { RuleProfileOverrides } from '../rules/profile';
import { parseJsonWithLines } from './jsonLines';

/** A counting commission's decision on a conflict, as meeting.json names it (person by СНИЛС or ФИО). */
export interface ResolutionEntry {
  /** СНИЛС (11 digits) or full name, as written. */
  person: string;
  question: number;
  /** The mark that stands; `none`: no ballot stands («не учитывать»). */
  choice: 'for' | 'against' | 'abstain' | 'none';
  reason?: string;
  /** Where it is in the file, for messages. */
  path: string;
  row: number;
}

export interface MeetingFile {
  meeting: MeetingSpec;
  overrides?: RuleProfileOverrides;
  resolutions?: ResolutionEntry[];
}

const CHOICES: Record<string, ResolutionEntry['choice']> = {
  за: 'for',
  против: 'against',
  воздержался: 'abstain',
  'не учитывать': 'none',
};

/** A positive area in m² with at most 2 decimals: `5230.4`, `5230,40`. */
const AREA = /^\d+([.,]\d{1,2})?$/;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const CHANNELS: Channel[] = ['gosuslugi', 'paper', 'in_person'];

function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const quote = (v: unknown): string => (typeof v === 'string' ? `«${v}»` : (JSON.stringify(v) ?? 'пусто'));
const options = (xs: readonly string[]): string => xs.map((x) => `«${x}»`).join(', ');

export function parseMeetingJson(text: string, file: string): Result<MeetingFile> {
  const parsed = parseJsonWithLines(text, file);
  if (!parsed.ok) return parsed;
  const { value: root, lines } = parsed.value;
  const problems: Problem[] = [];
  const lineOf = (path: string): number => {
    for (let p = path; ;) {
      const l = lines.get(p);
      if (l !== undefined) return l;
      if (p === '') return 1;
      const parent = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      // A top-level name has no parent path: its parent is the root.
      p = parent === p ? '' : parent;
    }
  };
  const bad = (path: string, text: string): void => {
    const row = lineOf(path);
    problems.push(
      problem('meeting_field', `Строка ${row}, поле «${path}»: ${text}`, { file, row, field: path }),
    );
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(root)) {
    return err([
      problem('meeting_field', 'Строка 1: ожидался объект JSON с описанием собрания.', {
        file,
        row: 1,
        field: 'JSON',
      }),
    ]);
  }
  const oneOf = <T extends string>(
    path: string,
    v: unknown,
    allowed: readonly T[],
    required: boolean,
  ): T | undefined => {
    if (v === undefined && !required) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    bad(
      path,
      v === undefined ? `не указано; нужно ${options(allowed)}.` : `${quote(v)} — нужно ${options(allowed)}.`,
    );
    return undefined;
  };
  const rule = (path: string, v: unknown): Rule | undefined => {
    if (!isObject(v)) {
      bad(path, 'ожидался объект { "majority": …, "electorate": … }.');
      return undefined;
    }
    const majority = oneOf(
      `${path}.majority`,
      v.majority,
      ['simple', 'two_thirds', 'unanimous'] as const,
      true,
    );
    const electorate = oneOf(
      `${path}.electorate`,
      v.electorate,
      ['members', 'members_and_gardeners'] as const,
      true,
    );
    const base = oneOf(`${path}.base`, v.base, ['participants', 'all'] as const, false);
    if (!majority || !electorate) return undefined;
    return { majority, electorate, ...(base ? { base } : {}) };
  };

  const kind = oneOf('kind', root.kind, ['snt', 'mkd'] as const, true);
  const form = oneOf('form', root.form, ['in_person', 'mixed', 'remote'] as const, true);
  const title = root.title;
  if (typeof title !== 'string' || title.trim() === '') bad('title', 'нужно название собрания (строка).');
  for (const f of ['votingStart', 'votingEnd'] as const) {
    if (!isIsoDate(root[f])) bad(f, `${quote(root[f])} — нужна дата в виде ГГГГ-ММ-ДД.`);
  }
  if (isIsoDate(root.votingStart) && isIsoDate(root.votingEnd) && root.votingStart > root.votingEnd) {
    bad('votingEnd', `окончание голосования ${root.votingEnd} раньше начала ${root.votingStart}.`);
  }
  if (root.sessionDate !== undefined && !isIsoDate(root.sessionDate)) {
    bad('sessionDate', `${quote(root.sessionDate)} — нужна дата в виде ГГГГ-ММ-ДД.`);
  }
  const invalidMarks = oneOf('invalidMarks', root.invalidMarks, ['question', 'ballot'] as const, false);
  if (root.acceptScans !== undefined && typeof root.acceptScans !== 'boolean') {
    bad('acceptScans', `${quote(root.acceptScans)} — нужно true или false.`);
  }
  let conflicts: MeetingSpec['conflicts'];
  if (Array.isArray(root.conflicts)) {
    const list = root.conflicts as unknown[];
    list.forEach((c, i) => oneOf(`conflicts[${i}]`, c, CHANNELS, true));
    if (list.length === 0 || new Set(list).size !== list.length) {
      bad(
        'conflicts',
        'приоритет каналов: непустой список без повторов, например ["paper", "in_person", "gosuslugi"].',
      );
    }
    conflicts = list as Channel[];
  } else conflicts = oneOf('conflicts', root.conflicts, ['flag', 'latest'] as const, false);

  let buildingArea: string | undefined;
  if (root.buildingArea !== undefined) {
    const raw = typeof root.buildingArea === 'number' ? String(root.buildingArea) : root.buildingArea;
    if (typeof raw === 'string' && AREA.test(raw.trim()) && Number(raw.trim().replace(',', '.')) > 0) {
      buildingArea = raw.trim().replace(',', '.');
      if (kind === 'snt') bad('buildingArea', 'общая площадь помещений дома задаётся только для МКД.');
    } else {
      bad(
        'buildingArea',
        `${quote(root.buildingArea)} — нужна общая площадь помещений дома в м², число больше нуля с точностью до 0,01 (например 5230.40).`,
      );
    }
  }
  for (const f of ['charterAllowsElectronic', 'emergencyRegime'] as const) {
    if (root[f] !== undefined && typeof root[f] !== 'boolean')
      bad(f, `${quote(root[f])} — нужно true или false.`);
  }
  const paperUntil = oneOf('paperUntil', root.paperUntil, ['votingEnd', 'session'] as const, false);
  if (paperUntil === 'session' && root.sessionDate === undefined) {
    bad('paperUntil', '«session» (бюллетени до очной части) требует даты очной части (sessionDate).');
  }

  const questions: Question[] = [];
  if (!Array.isArray(root.questions) || root.questions.length === 0) {
    bad('questions', 'нужен непустой список вопросов повестки.');
  } else {
    const numbers = new Set<number>();
    (root.questions as unknown[]).forEach((q, i) => {
      const path = `questions[${i}]`;
      if (!isObject(q)) {
        bad(path, 'ожидался объект вопроса { "number": …, "text": … }.');
        return;
      }
      const n = q.number;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
        bad(`${path}.number`, `${quote(n)} — нужен номер вопроса (целое число от 1).`);
      else if (numbers.has(n)) bad(`${path}.number`, `вопрос ${n} уже есть в повестке.`);
      else numbers.add(n);
      if (typeof q.text !== 'string') bad(`${path}.text`, 'нужна формулировка вопроса (строка).');
      let item: string | undefined;
      if (q.item !== undefined) {
        if ((typeof q.item === 'string' && q.item.trim() !== '') || typeof q.item === 'number')
          item = String(q.item).trim();
        else bad(`${path}.item`, `${quote(q.item)} — нужен пункт профиля, например "21".`);
      }
      const r = q.rule !== undefined ? rule(`${path}.rule`, q.rule) : undefined;
      if (typeof n === 'number' && typeof q.text === 'string') {
        questions.push({
          number: n,
          text: q.text,
          ...(typeof q.proposal === 'string' ? { proposal: q.proposal } : {}),
          ...(item !== undefined ? { item } : {}),
          ...(r ? { rule: r } : {}),
        });
      }
    });
  }

  let overrides: RuleProfileOverrides | undefined;
  if (root.profile !== undefined) {
    const p = root.profile;
    if (!isObject(p)) bad('profile', 'ожидался объект с изменениями профиля правил.');
    else {
      overrides = {};
      if (p.title !== undefined) {
        if (typeof p.title === 'string') overrides.title = p.title;
        else bad('profile.title', 'нужна строка.');
      }
      const weight = oneOf('profile.weight', p.weight, ['person', 'plot', 'area_share'] as const, false);
      if (weight) overrides.weight = weight;
      if (p.quorum !== undefined) {
        const counts = isObject(p.quorum)
          ? oneOf('profile.quorum.counts', p.quorum.counts, ['members', 'everyone'] as const, true)
          : (bad('profile.quorum', 'ожидался объект { "counts": … }.'), undefined);
        if (counts) overrides.quorum = { counts };
      }
      if (p.defaultRule !== undefined) {
        const r = rule('profile.defaultRule', p.defaultRule);
        if (r) overrides.defaultRule = r;
      }
      if (p.items !== undefined) {
        if (!isObject(p.items)) bad('profile.items', 'ожидался объект { "пункт": правило }.');
        else {
          const items: Record<string, Rule> = {};
          for (const [k, v] of Object.entries(p.items)) {
            const r = rule(`profile.items.${k}`, v);
            if (r) items[k] = r;
          }
          overrides.items = items;
        }
      }
      if (p.remoteForbidden !== undefined) {
        if (Array.isArray(p.remoteForbidden) && p.remoteForbidden.every((x) => typeof x === 'string')) {
          overrides.remoteForbidden = p.remoteForbidden as string[];
        } else bad('profile.remoteForbidden', 'нужен список пунктов-строк, например ["1", "2"].');
      }
      if (p.questionQuorum !== undefined) {
        const qq = p.questionQuorum;
        if (
          isObject(qq) &&
          Array.isArray(qq.forms) &&
          qq.forms.every((f) => f === 'in_person' || f === 'mixed' || f === 'remote') &&
          typeof qq.affectsDecision === 'boolean'
        ) {
          overrides.questionQuorum = {
            forms: qq.forms as MeetingSpec['form'][],
            affectsDecision: qq.affectsDecision,
          };
        } else {
          bad(
            'profile.questionQuorum',
            'нужен объект { "forms": ["mixed", "remote"], "affectsDecision": true|false }.',
          );
        }
      }
    }
  }

  const resolutions: ResolutionEntry[] = [];
  if (root.resolutions !== undefined) {
    if (!Array.isArray(root.resolutions)) bad('resolutions', 'нужен список решений счётной комиссии.');
    else {
      (root.resolutions as unknown[]).forEach((r, i) => {
        const path = `resolutions[${i}]`;
        if (!isObject(r)) {
          bad(path, 'ожидался объект { "person": …, "question": …, "choice": … }.');
          return;
        }
        const person = typeof r.person === 'string' ? r.person.trim() : '';
        if (!person) bad(`${path}.person`, 'нужен СНИЛС или ФИО участника.');
        const question = r.question;
        const known = questions.some((q) => q.number === question);
        if (typeof question !== 'number' || !known) {
          bad(`${path}.question`, `${quote(question)} — нужен номер вопроса повестки.`);
        }
        const choice = typeof r.choice === 'string' ? CHOICES[r.choice.trim().toLowerCase()] : undefined;
        if (!choice) bad(`${path}.choice`, `${quote(r.choice)} — нужно ${options(Object.keys(CHOICES))}.`);
        if (r.reason !== undefined && typeof r.reason !== 'string') bad(`${path}.reason`, 'нужна строка.');
        if (person && known && choice) {
          resolutions.push({
            person,
            question: question as number,
            choice,
            ...(typeof r.reason === 'string' && r.reason.trim() ? { reason: r.reason.trim() } : {}),
            path,
            row: lineOf(path),
          });
        }
      });
    }
  }

  if (problems.length > 0 || !kind || !form) return err(problems);
  const meeting: MeetingSpec = {
    kind,
    form,
    title: (title as string).trim(),
    votingStart: root.votingStart as string,
    votingEnd: root.votingEnd as string,
    ...(typeof root.sessionDate === 'string' ? { sessionDate: root.sessionDate } : {}),
    ...(invalidMarks ? { invalidMarks } : {}),
    ...(typeof root.acceptScans === 'boolean' ? { acceptScans: root.acceptScans } : {}),
    ...(conflicts !== undefined ? { conflicts } : {}),
    questions,
    ...(buildingArea ? { buildingArea } : {}),
    ...(typeof root.charterAllowsElectronic === 'boolean'
      ? { charterAllowsElectronic: root.charterAllowsElectronic }
      : {}),
    ...(typeof root.emergencyRegime === 'boolean' ? { emergencyRegime: root.emergencyRegime } : {}),
    ...(paperUntil ? { paperUntil } : {}),
  };
  return ok({
    meeting,
    ...(overrides ? { overrides } : {}),
    ...(resolutions.length > 0 ? { resolutions } : {}),
  });
}
