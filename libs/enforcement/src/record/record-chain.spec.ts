import { canonicalJson, GENESIS_HASH, hashEntry, type HashedRecordEntry, verifyChain } from './record-chain';

function chain(length: number): HashedRecordEntry[] {
  const entries: HashedRecordEntry[] = [];
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const entry = {
      caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b',
      sequence,
      actor: 'off-1',
      recordedAt: new Date(Date.UTC(2026, 2, 2, 2, sequence)).toISOString(),
      place: sequence % 2 ? '100 Renmin Road' : null,
      action: 'add_evidence',
      payload: { note: `step ${sequence}`, nested: { b: 1, a: [true, null] } },
      evidenceSha256: ['a'.repeat(64)],
      previousHash: entries.at(-1)?.hash ?? GENESIS_HASH,
    };
    entries.push({ ...entry, hash: hashEntry(entry) });
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and ignores insertion order', () => {
    expect(canonicalJson({ b: { y: 1, x: [2, { d: 1, c: 0 }] }, a: 'é' })).toBe('{"a":"é","b":{"x":[2,{"c":0,"d":1}],"y":1}}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its last hash', () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ intact: true, entries: 5, lastHash: entries[4].hash });
    expect(verifyChain([])).toEqual({ intact: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it.each([
    ['the payload', (entry: HashedRecordEntry) => ({ ...entry, payload: { note: 'rewritten' } }), 'hash_mismatch'],
    ['the actor', (entry: HashedRecordEntry) => ({ ...entry, actor: 'off-9' }), 'hash_mismatch'],
    ['an evidence hash', (entry: HashedRecordEntry) => ({ ...entry, evidenceSha256: ['b'.repeat(64)] }), 'hash_mismatch'],
    ['the time', (entry: HashedRecordEntry) => ({ ...entry, recordedAt: '2026-03-02T02:03:00.001Z' }), 'hash_mismatch'],
    ['the link to the previous entry', (entry: HashedRecordEntry) => ({ ...entry, previousHash: 'f'.repeat(64) }), 'previous_hash_mismatch'],
  ])('finds %s changed at the entry changed', (_what, tamper, reason) => {
    const entries = chain(6);
    entries[2] = tamper(entries[2]);
    expect(verifyChain(entries)).toEqual({ intact: false, entries: 6, brokenAt: 3, reason });
  });

  it('finds an entry rehashed after a change at the next link', () => {
    const entries = chain(6);
    const rewritten = { ...entries[2], payload: { note: 'rewritten' } };
    entries[2] = { ...rewritten, hash: hashEntry(rewritten) };
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 4, reason: 'previous_hash_mismatch' });
  });

  it('finds a deleted entry', () => {
    const entries = chain(6);
    entries.splice(3, 1);
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: 5, reason: 'sequence_gap' });
  });
});
