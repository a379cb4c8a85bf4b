import { maskEmail, maskIdNumber, maskName, maskPhone } from './masking';

describe('maskEmail', () => {
  it('keeps the first character of the local part and the domain', () => {
    expect(maskEmail('reporter@example.org')).toBe('r***@example.org');
  });

  it('hides how long the local part is', () => {
    expect(maskEmail('a@example.org')).toBe('a***@example.org');
    expect(maskEmail('averyverylongname@example.org')).toBe('a***@example.org');
  });

  it('masks everything when the value is not an address', () => {
    expect(maskEmail('not-an-address')).toBe('***');
    expect(maskEmail('@example.org')).toBe('***');
    expect(maskEmail('someone@')).toBe('***');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a landline with separators character for character', () => {
    expect(maskPhone('010-62345678')).toBe('010*****5678');
  });

  it('never shows a short number whole', () => {
    expect(maskPhone('12345')).toBe('1****');
    expect(maskPhone('7')).toBe('*');
  });
});

describe('maskName', () => {
  it('keeps only the surname of a Chinese name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('keeps the spaces of a Latin name and its first letter', () => {
    expect(maskName('Ada Lovelace')).toBe('A** ********');
  });

  it('counts characters outside the basic plane as one', () => {
    expect(maskName('𠀋一')).toBe('𠀋*');
  });

  it('returns an empty string for an empty name', () => {
    expect(maskName('  ')).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('hides the birth date and sequence of a resident identity number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
  });

  it('never shows a short number whole', () => {
    expect(maskIdNumber('A1234')).toBe('A****');
  });
});
