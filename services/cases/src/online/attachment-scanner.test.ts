import { EICAR_TEST_STRING, EicarOnlyScanner } from './attachment-scanner';

describe('built-in scanner', () => {
  const scanner = new EicarOnlyScanner();

  it('refuses a file carrying the EICAR test string, wherever it sits', async () => {
    const eicar = Buffer.from(EICAR_TEST_STRING, 'latin1');
    await expect(scanner.scan(eicar)).resolves.toEqual({
      clean: false,
      signature: 'EICAR-Test-Signature',
    });
    const inside = Buffer.concat([Buffer.from('%PDF-1.4\n'), eicar, Buffer.from('\n%%EOF')]);
    await expect(scanner.scan(inside)).resolves.toMatchObject({ clean: false });
  });

  it('passes other content (it is no antivirus)', async () => {
    await expect(scanner.scan(Buffer.from('%PDF-1.4\nhello'))).resolves.toEqual({ clean: true });
    const truncated = Buffer.from(EICAR_TEST_STRING.slice(0, -1), 'latin1');
    await expect(scanner.scan(truncated)).resolves.toEqual({ clean: true });
  });
});
