import { randomBytes } from 'node:crypto';
import { normaliseIdNumber, PartyVault, partyVaultFromConfig } from './party-vault';

const quietLogger = { warn: jest.fn() } as unknown as import('@nestjs/common').Logger;

describe('PartyVault', () => {
  const vault = new PartyVault(randomBytes(32));

  it('seals with a fresh IV each time and opens what it sealed', () => {
    const a = vault.seal('310101199001011234');
    const b = vault.seal('310101199001011234');
    expect(a).toMatch(/^enc:v1:/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('310101199001011234');
    expect(vault.open(a)).toBe('310101199001011234');
  });

  it('refuses a sealed value that was tampered with, or sealed under another key', () => {
    const sealed = vault.seal('13912345678');
    const raw = Buffer.from(sealed.slice('enc:v1:'.length), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => vault.open(`enc:v1:${raw.toString('base64')}`)).toThrow();
    expect(() => new PartyVault(randomBytes(32)).open(sealed)).toThrow();
  });

  it('indexes the same identity number typed differently alike, and kinds apart', () => {
    expect(normaliseIdNumber(' 11010119940505333x ')).toBe('11010119940505333X');
    expect(normaliseIdNumber('１１０１０１-１９９４')).toBe('1101011994');
    expect(vault.blindIndex('person', '11010119940505333x')).toBe(vault.blindIndex('person', '11010119940505333X'));
    expect(vault.blindIndex('person', '91310101MA1FL0AA1A')).not.toBe(vault.blindIndex('organisation', '91310101MA1FL0AA1A'));
    expect(new PartyVault(randomBytes(32)).blindIndex('person', '11010119940505333X')).not.toBe(vault.blindIndex('person', '11010119940505333X'));
  });

  it('derives a development key with a warning, and refuses to run production without a key of its own', () => {
    const development = partyVaultFromConfig({}, quietLogger);
    expect(development.open(partyVaultFromConfig({}, quietLogger).seal('x'))).toBe('x');
    expect(quietLogger.warn).toHaveBeenCalledWith(expect.stringContaining('ENFORCEMENT_PARTY_DATA_KEY'));
    expect(() => partyVaultFromConfig({ NODE_ENV: 'production' }, quietLogger)).toThrow(/ENFORCEMENT_PARTY_DATA_KEY must be set/);
    expect(() => partyVaultFromConfig({ ENFORCEMENT_PARTY_DATA_KEY: 'c2hvcnQ=' }, quietLogger)).toThrow(/32 bytes/);
    const key = randomBytes(32).toString('base64');
    const configured = partyVaultFromConfig({ ENFORCEMENT_PARTY_DATA_KEY: key, NODE_ENV: 'production' }, quietLogger);
    expect(partyVaultFromConfig({ ENFORCEMENT_PARTY_DATA_KEY: key }, quietLogger).open(configured.seal('y'))).toBe('y');
  });
});
