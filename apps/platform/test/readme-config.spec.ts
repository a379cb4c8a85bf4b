import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCurrentConfigTable } from '../src/readme-config';

describe('the README configuration table', () => {
  it('lists every variable of every service with its default, as the code declares them (npm run readme:config)', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    expect(withCurrentConfigTable(readme)).toBe(readme);
  });
});
