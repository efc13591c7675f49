import { cadastralOk, normalizeCadastral } from './cadastral';

describe('cadastral number', () => {
  it('accepts AA:BB:quarter of 6-7 digits:item', () => {
    expect(cadastralOk('50:18:0080301:152')).toBe(true);
    expect(cadastralOk('77:01:000401:1')).toBe(true);
    expect(cadastralOk('50:18:0080301:15234')).toBe(true);
    expect(cadastralOk(' 50 : 18:0080301:152 ')).toBe(true);
  });

  it('rejects wrong group lengths, letters and missing parts', () => {
    expect(cadastralOk('50:18:80301:152')).toBe(false);
    expect(cadastralOk('50:18:00803011:152')).toBe(false);
    expect(cadastralOk('5:18:0080301:152')).toBe(false);
    expect(cadastralOk('50:18:0080301')).toBe(false);
    expect(cadastralOk('50:18:0080301:')).toBe(false);
    expect(cadastralOk('50:18:008030a:152')).toBe(false);
    expect(cadastralOk('50-18-0080301-152')).toBe(false);
    expect(cadastralOk('')).toBe(false);
  });

  it('normalises spaces away', () => {
    expect(normalizeCadastral('50:18: 0080301 :152')).toBe('50:18:0080301:152');
  });
});
