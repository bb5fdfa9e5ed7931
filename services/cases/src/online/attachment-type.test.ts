import fc from 'fast-check';
import { isAttachmentMediaType, sniffMediaType } from './attachment-type';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('attachment media types', () => {
  it('recognise PDF, PNG and JPEG from their first bytes', () => {
    expect(sniffMediaType(PDF)).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
  });

  it('recognise nothing in text, truncated signatures or an empty file', () => {
    expect(sniffMediaType(Buffer.from('hello'))).toBeUndefined();
    expect(sniffMediaType(PNG.subarray(0, 7))).toBeUndefined();
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('never answer for random bytes that start with none of the signatures', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const first = bytes[0];
        fc.pre(first !== 0x25 && first !== 0xff && first !== 0x89);
        expect(sniffMediaType(bytes)).toBeUndefined();
      }),
    );
  });

  it('know the three accepted types only', () => {
    expect(isAttachmentMediaType('application/pdf')).toBe(true);
    expect(isAttachmentMediaType('image/gif')).toBe(false);
    expect(isAttachmentMediaType('APPLICATION/PDF')).toBe(false);
  });
});
