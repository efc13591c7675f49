import type { Person } from '../domain/types';
import type { Problem } from '../result';
import { plotKey } from './fieldValues';
import type { PersonSource } from './parseRegistry';
import { plotGroup, registryFindings, snilsGroup, type RegistryWhere } from './validateRegistry';

const holdingKey = (h: Person['holdings'][number]): string =>
  plotKey(h.plotNumber) || (h.cadastralNumber ?? '');

/** The cross-person groups a person belongs to: its СНИЛС and each of its plots. */
function groupsOf(p: Person): string[] {
  const out = p.snils ? [snilsGroup(p.snils)] : [];
  for (const h of p.holdings) {
    const key = holdingKey(h);
    if (key) out.push(plotGroup(key));
  }
  return out;
}

/**
 * validateRegistry kept up to date while single persons change (a fix in place in the import preview):
 * a change re-checks that person alone, and the cross-person checks of the groups it leaves or joins
 * (the same СНИЛС on two people, the shares of a plot held by several). Its problems are always those
 * validateRegistry gives for the whole list. Owns the two arrays it is given and changes them.
 */
export class RegistryValidation {
  private readonly own: Problem[][];
  private readonly cross = new Map<string, Problem[]>();
  /** Members of every group; built at the first change (a preview without fixes never needs it). */
  private members: Map<string, Person[]> | null = null;

  constructor(
    private readonly persons: Person[],
    private readonly sources: PersonSource[],
    private readonly where: Omit<RegistryWhere, 'sourceRows'>,
  ) {
    this.own = persons.map(() => []);
    for (const f of registryFindings(persons, { ...where, sourceRows: sources })) {
      if (f.group === undefined) this.own[f.person]!.push(f.problem);
      else this.cross.set(f.group, [...(this.cross.get(f.group) ?? []), f.problem]);
    }
  }

  problems(): Problem[] {
    const out = this.own.flat();
    for (const list of this.cross.values()) out.push(...list);
    return out;
  }

  /** Person `i` as read again (insert: a new person at `i`, the ones from `i` on move down). */
  put(i: number, person: Person, source: PersonSource, insert = false): void {
    if (!this.members) {
      this.members = new Map();
      for (const p of this.persons) this.join(p);
    }
    const touched = new Set(groupsOf(person));
    if (insert) {
      this.persons.splice(i, 0, person);
      this.sources.splice(i, 0, source);
      this.own.splice(i, 0, []);
    } else {
      const old = this.persons[i]!;
      for (const g of groupsOf(old)) touched.add(g);
      this.leave(old);
      this.persons[i] = person;
      this.sources[i] = source;
    }
    this.join(person);
    const alone = registryFindings([person], { ...this.where, sourceRows: [source] });
    this.own[i] = alone.map((f) => f.problem);
    for (const g of touched) this.recheck(g);
  }

  private join(p: Person): void {
    for (const g of groupsOf(p)) {
      const list = this.members!.get(g);
      if (list) list.push(p);
      else this.members!.set(g, [p]);
    }
  }

  private leave(p: Person): void {
    for (const g of groupsOf(p)) {
      const list = this.members!.get(g);
      if (list)
        this.members!.set(
          g,
          list.filter((x) => x !== p),
        );
    }
  }

  /** The group's check run over its members alone, in registry order (a plot's holders with that plot only). */
  private recheck(group: string): void {
    const list = [...new Set(this.members!.get(group))];
    this.cross.delete(group);
    if (list.length < 2) return;
    const order = list
      .map((p) => this.persons.indexOf(p))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
    const persons: Person[] = [];
    const sources: PersonSource[] = [];
    for (const i of order) {
      const p = this.persons[i]!;
      const s = this.sources[i]!;
      if (group.startsWith('snils:')) {
        persons.push(p);
        sources.push(s);
        continue;
      }
      const ks = p.holdings.flatMap((h, k) => (plotGroup(holdingKey(h)) === group ? [k] : []));
      persons.push({ ...p, holdings: ks.map((k) => p.holdings[k]!) });
      sources.push({ rows: s.rows, holdingRows: ks.map((k) => s.holdingRows[k]!) });
    }
    const found = registryFindings(persons, { ...this.where, sourceRows: sources })
      .filter((f) => f.group === group)
      .map((f) => f.problem);
    if (found.length > 0) this.cross.set(group, found);
  }
}
