import { checkHeader, CsvSyntaxError, parseCsvLine } from './csv';

describe('parseCsvLine', () => {
  it('splits plain fields and keeps empty ones and leading zeros', () => {
    expect(parseCsvLine('commune,00001,Phường Phúc Xá,,001')).toEqual([
      'commune',
      '00001',
      'Phường Phúc Xá',
      '',
      '001',
    ]);
    expect(parseCsvLine('')).toEqual(['']);
    expect(parseCsvLine('a,')).toEqual(['a', '']);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsvLine('partial,"Nhập một phần diện tích, toàn bộ dân số",,')).toEqual([
      'partial',
      'Nhập một phần diện tích, toàn bộ dân số',
      '',
      '',
    ]);
    expect(parseCsvLine('"say ""hi""",x')).toEqual(['say "hi"', 'x']);
    expect(parseCsvLine('x,""')).toEqual(['x', '']);
  });

  it('refuses malformed quoting, naming the column', () => {
    expect(() => parseCsvLine('a,"open')).toThrow(
      new CsvSyntaxError(2, 'quoted field is not closed'),
    );
    expect(() => parseCsvLine('"a"b,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsvLine('a,b"c')).toThrow(/column 2: quote inside an unquoted field/);
  });
});

describe('checkHeader', () => {
  it('accepts the exact columns and names the difference otherwise', () => {
    expect(checkHeader(['a', 'b'], ['a', 'b'])).toBeNull();
    expect(checkHeader(['a', 'c'], ['a', 'b'])).toMatch(/header must be a,b; got a,c/);
  });
});
