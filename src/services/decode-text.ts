/**
 * The text of an uploaded transcript file, in the encodings meeting-tool exports and Windows editors use:
 * UTF-8 (with or without a BOM), UTF-16 LE/BE with a BOM (Notepad's "Unicode"), and Windows-1252 for a file
 * that is not valid UTF-8 (Notepad's "ANSI": "Siobhán" saved as one byte per letter). Never throws.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return decode('utf-16le', bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return decode('utf-16be', bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decode('windows-1252', bytes);
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}
