/** Encodings a Chinese docs site's files are found in when they are not UTF-8. */
const CJK_ENCODINGS = ['gb18030', 'big5'] as const;

/**
 * Why bytes that are not UTF-8 are not read, for the `binary-file` message: a post saved in GBK
 * (an editor's default on Chinese Windows) says so, with the fix, rather than passing for binary.
 */
export function describeNonUtf8(bytes: Uint8Array): string {
  if (!bytes.includes(0)) {
    for (const encoding of CJK_ENCODINGS) {
      try {
        const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
        // mostly Han characters once decoded: text in that encoding, not noise that happens to decode
        const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
        if (han >= 2 && han * 4 >= text.replace(/[\x00-\x7f]/g, '').length * 3) {
          return `not a text file (invalid UTF-8): it reads as ${encoding === 'gb18030' ? 'GBK/GB18030' : 'Big5'} text; save it as UTF-8`;
        }
      } catch {
        // not this encoding either
      }
    }
  }
  return 'not a text file (invalid UTF-8)';
}
