import { describeBreak, GENESIS_HASH, nextEntry, verifyChain, type AuditEntry } from './auditChain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      nextEntry(
        out.at(-1),
        {
          actor: 'Секретарь',
          action: 'person.update',
          entity: 'person',
          entityId: `p${i}`,
          before: { a: i },
          after: { a: i + 1 },
        },
        `2026-06-0${(i % 9) + 1}T10:00:00.000Z`,
      ),
    );
  }
  return out;
}

test('a fresh chain links to genesis and verifies', () => {
  const c = chain(5);
  expect(c[0]!.prevHash).toBe(GENESIS_HASH);
  expect(c[1]!.prevHash).toBe(c[0]!.hash);
  expect(c[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(verifyChain(c)).toBeNull();
});

test('editing an entry breaks the chain at that entry', () => {
  const c = chain(5);
  c[2] = { ...c[2]!, after: { a: 999 } };
  expect(verifyChain(c)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  expect(describeBreak({ seq: 3, reason: 'hash_mismatch' })).toBe(
    'Журнал изменений нарушен на записи № 3: содержимое записи изменено после её внесения.',
  );
});

test('rehashing an edited entry still breaks the link of the next one', () => {
  const c = chain(4);
  const forged = nextEntry(c[0], { ...c[1]!, after: { forged: true } }, c[1]!.at);
  c[1] = forged;
  expect(verifyChain(c)).toEqual({ seq: 3, reason: 'prev_mismatch' });
});

test('removing an entry is a gap', () => {
  const c = chain(4);
  c.splice(1, 1);
  expect(verifyChain(c)).toEqual({ seq: 3, reason: 'gap' });
});

test('key order does not change the hash', () => {
  const a = nextEntry(
    undefined,
    { actor: 'x', action: 'a', entity: 'e', entityId: '1', after: { b: 1, a: 2 } },
    't',
  );
  const b = nextEntry(
    undefined,
    { actor: 'x', action: 'a', entity: 'e', entityId: '1', after: { a: 2, b: 1 } },
    't',
  );
  expect(a.hash).toBe(b.hash);
});
