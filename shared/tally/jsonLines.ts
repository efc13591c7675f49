/**
 * JSON parsing that remembers the line of every value, so a message about a bad field can name its row.
 * Paths look like `questions[1].rule.majority`; the root is ``.
 */
import { err, ok, problem, type Result } from '../result';

export interface JsonWithLines {
  value: unknown;
  /** Line (1-based) where the value at each path starts. */
  lines: Map<string, number>;
}

class JsonSyntax extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Nesting a description file never needs; deeper is refused before the call stack runs out. */
export const MAX_JSON_DEPTH = 64;

export function parseJsonWithLines(text: string, file: string): Result<JsonWithLines> {
  const lines = new Map<string, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new JsonSyntax(`Строка ${line}: ошибка JSON — ${what}.`, line);
  };
  const space = (): void => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') break;
      else if (c === '\n') fail('строка не закрыта кавычкой');
    }
    if (i >= text.length) fail('строка не закрыта кавычкой');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('неверная строка');
    }
  };
  const value = (path: string, depth: number): unknown => {
    space();
    lines.set(path, line);
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH) {
      fail(`вложенность глубже ${MAX_JSON_DEPTH} уровней`);
    }
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      space();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('ожидалось имя поля в кавычках');
        const key = str();
        space();
        if (text[i] !== ':') fail(`после имени поля «${key}» ожидалось «:»`);
        i++;
        obj[key] = value(path ? `${path}.${key}` : key, depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('ожидалась «,» или «}»');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('ожидалась «,» или «]»');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!m) return fail(i >= text.length ? 'файл оборвался' : `неожиданный символ «${c}»`);
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };
  try {
    const v = value('', 0);
    space();
    if (i < text.length) fail('лишний текст после конца данных');
    return ok({ value: v, lines });
  } catch (e) {
    if (e instanceof JsonSyntax) {
      return err([problem('json_syntax', e.message, { file, row: e.line, field: 'JSON' })]);
    }
    throw e;
  }
}
