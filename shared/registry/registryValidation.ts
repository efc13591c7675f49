import type { Person } from '../domain/types';
import type { Problem } from '../result';
import { addAt, listAt, removeAt } from './keyedLists';
import type { PersonSource } from './parseRegistry';
import {
  holdingKey,
  plotGroup,
  registryFindings,
  registryIndex,
  snilsGroup,
  type RegistryIndex,
  type RegistryWhere,
} from './validateRegistry';

/** The cross-person groups a person belongs to: its СНИЛС and each of its plots. */
function groupsOf(p: Person): string[] {
  const out = p.snils ? [snilsGroup(p.snils)] : [];
  for (const h of p.holdings) {
    const key = holdingKey(h);
    if (key) out.push(plotGroup(key));
  }
  return out;
}

const SNILS_GROUP = snilsGroup('');
const PLOT_GROUP = plotGroup('');

/**
 * validateRegistry kept up to date while single persons change (a fix in place in the import preview):
 * a change re-checks that person alone, and the cross-person checks of the groups it leaves or joins
 * (the same СНИЛС on two people, the shares of a plot held by several). Its problems are always those
 * validateRegistry gives for the whole list. Owns the two arrays it is given and changes them. The
 * members of each group are the index the first check made, kept up to date person by person: a change
 * costs what its groups cost, not what the registry does.
 */
export class RegistryValidation {
  private readonly own: Problem[][];
  private readonly cross = new Map<string, Problem[]>();
  private readonly index: RegistryIndex = registryIndex();

  constructor(
    private readonly persons: Person[],
    private readonly sources: PersonSource[],
    private readonly where: Omit<RegistryWhere, 'sourceRows'>,
  ) {
    this.own = persons.map(() => []);
    for (const f of registryFindings(persons, { ...where, sourceRows: sources }, this.index)) {
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
    const touched = new Set(groupsOf(person));
    if (insert) {
      this.shiftFrom(i);
      this.persons.splice(i, 0, person);
      this.sources.splice(i, 0, source);
      this.own.splice(i, 0, []);
    } else {
      const old = this.persons[i]!;
      for (const g of groupsOf(old)) touched.add(g);
      this.leave(i, old);
      this.persons[i] = person;
      this.sources[i] = source;
    }
    this.join(i, person);
    const alone = registryFindings([person], { ...this.where, sourceRows: [source] });
    this.own[i] = alone.map((f) => f.problem);
    for (const g of touched) this.recheck(g);
  }

  private join(i: number, p: Person): void {
    if (p.snils) addAt(this.index.snils, p.snils, i);
    p.holdings.forEach((h, k) => {
      const key = holdingKey(h);
      if (key) addAt(this.index.plots, key, { i, k });
    });
  }

  private leave(i: number, p: Person): void {
    if (p.snils) removeAt(this.index.snils, p.snils, (x) => x === i);
    for (const h of p.holdings) {
      const key = holdingKey(h);
      if (key) removeAt(this.index.plots, key, (x) => x.i === i);
    }
  }

  /** Persons from `i` on are one further down (a person was put in before them). */
  private shiftFrom(i: number): void {
    const { snils, plots } = this.index;
    for (const [key, v] of snils) {
      if (Array.isArray(v))
        snils.set(
          key,
          v.map((x) => (x >= i ? x + 1 : x)),
        );
      else if (v >= i) snils.set(key, v + 1);
    }
    for (const v of plots.values()) for (const x of Array.isArray(v) ? v : [v]) if (x.i >= i) x.i++;
  }

  /** The group's check run over its members alone, in registry order (a plot's holders with that plot only). */
  private recheck(group: string): void {
    this.cross.delete(group);
    const persons: Person[] = [];
    const sources: PersonSource[] = [];
    if (group.startsWith(SNILS_GROUP)) {
      for (const i of [...listAt(this.index.snils, group.slice(SNILS_GROUP.length))].sort((a, b) => a - b)) {
        persons.push(this.persons[i]!);
        sources.push(this.sources[i]!);
      }
    } else {
      const holders = [...listAt(this.index.plots, group.slice(PLOT_GROUP.length))].sort(
        (a, b) => a.i - b.i || a.k - b.k,
      );
      for (let n = 0; n < holders.length;) {
        const i = holders[n]!.i;
        const ks: number[] = [];
        for (; n < holders.length && holders[n]!.i === i; n++) ks.push(holders[n]!.k);
        const p = this.persons[i]!;
        const s = this.sources[i]!;
        persons.push({ ...p, holdings: ks.map((k) => p.holdings[k]!) });
        sources.push({ rows: s.rows, holdingRows: ks.map((k) => s.holdingRows[k]!) });
      }
    }
    if (persons.length < 2) return;
    const found = registryFindings(persons, { ...this.where, sourceRows: sources })
      .filter((f) => f.group === group)
      .map((f) => f.problem);
    if (found.length > 0) this.cross.set(group, found);
  }
}
