/**
 * Recognising a binary by its first bytes, as Scorecard does through h2non/filetype: the magic
 * numbers of the file types Scorecard counts as binaries (executables, libraries, bytecode and
 * packages of code), and its "is this text" test (every character printable, or a tab or a line
 * break; checks/raw/binary_artifact.go).
 */

/** A type h2non/filetype reports, for the types Scorecard's Binary-Artifacts counts. */
export type BinaryContentType = 'crx' | 'deb' | 'dex' | 'dey' | 'elf' | 'exe' | 'iso' | 'macho' | 'rpm' | 'wasm';

/** What each type is, for messages. */
export const binaryContentDescriptions: Readonly<Record<BinaryContentType, string>> = {
  crx: 'Chrome extension',
  deb: 'Debian package',
  dex: 'Android Dalvik executable',
  dey: 'optimised Android Dalvik executable',
  elf: 'ELF executable or library',
  exe: 'Windows PE executable or library',
  iso: 'ISO 9660 disk image',
  macho: 'Mach-O executable or Java class file',
  rpm: 'RPM package',
  wasm: 'WebAssembly module',
};

/** Bytes the ISO 9660 signature needs (it sits at offset 32769). */
export const isoHeadBytes = 32774;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((value, index) => bytes[at + index] === value);
}

const dexMagic = [0x64, 0x65, 0x78, 0x0a];

function isDex(bytes: Uint8Array): boolean {
  return bytes.length >= 40 && startsWith(bytes, dexMagic) && startsWith(bytes, [0x70, 0x00, 0x00, 0x00], 36);
}

/**
 * The binary type of a file's first bytes, in h2non/filetype's order and with its length
 * conditions (an ELF needs more than 52 bytes, an RPM more than 96), or undefined.
 */
export function binaryContentType(bytes: Uint8Array): BinaryContentType | undefined {
  if (bytes.length > 1 && bytes[0] === 0x4d && bytes[1] === 0x5a) return 'exe';
  if (bytes.length > 3 && startsWith(bytes, [0x43, 0x72, 0x32, 0x34])) return 'crx';
  if (bytes.length > 20 && startsWith(bytes, [...Buffer.from('!<arch>\ndebian-binary')])) return 'deb';
  if (bytes.length > 96 && startsWith(bytes, [0xed, 0xab, 0xee, 0xdb])) return 'rpm';
  if (bytes.length > 52 && startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (bytes.length > 32773 && startsWith(bytes, [0x43, 0x44, 0x30, 0x30, 0x31], 32769)) return 'iso';
  if (bytes.length > 3 && isMachO(bytes)) return 'macho';
  if (bytes.length >= 8 && startsWith(bytes, [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])) return 'wasm';
  if (isDex(bytes)) return 'dex';
  if (bytes.length >= 100 && startsWith(bytes, [0x64, 0x65, 0x79, 0x0a]) && isDex(bytes.subarray(40, 100))) return 'dey';
  return undefined;
}

const machOMagics: readonly (readonly number[])[] = [
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xbe, 0xba, 0xfe, 0xca],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  // Universal binaries, and Java class files, which share the magic.
  [0xca, 0xfe, 0xba, 0xbe],
];

function isMachO(bytes: Uint8Array): boolean {
  return machOMagics.some((magic) => startsWith(bytes, magic));
}

const decoder = new TextDecoder('utf-8', { fatal: false });
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const notPrintable = /[^\p{L}\p{M}\p{N}\p{P}\p{S} \t\n\r]/u;

/**
 * Scorecard's text test: every character is printable or a tab or a line break. Bytes that are
 * not UTF-8 decode to U+FFFD, a symbol, as Go's range over a string yields them.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  return !notPrintable.test(decoder.decode(bytes));
}
