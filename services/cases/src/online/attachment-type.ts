/**
 * The media types an online application accepts, recognised from the file's own first bytes
 * (magic numbers): a declared type the bytes do not confirm is refused.
 */

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ type: AttachmentMediaType; bytes: readonly number[] }> = [
  // "%PDF-"
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the start of another marker.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // \x89PNG\r\n\x1a\n
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function isAttachmentMediaType(value: string): value is AttachmentMediaType {
  return (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

/** The accepted type the content starts like, or undefined for anything else. */
export function sniffMediaType(content: Uint8Array): AttachmentMediaType | undefined {
  const match = SIGNATURES.find(
    (s) => content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b),
  );
  return match?.type;
}
