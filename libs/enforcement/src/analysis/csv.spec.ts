import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes separators, quotes and line breaks, and leaves empty cells for missing values', () => {
    expect(toCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', null], [1.5, true, 'two\nlines']])).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n1.5,true,"two\nlines"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['@SUM(1)'], [-3]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n\'@SUM(1)\r\n-3\r\n');
  });
});
