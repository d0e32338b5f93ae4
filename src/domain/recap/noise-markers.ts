/**
 * Markers transcription tools put in the words: "[inaudible]", "[crosstalk]", "(laughs)", "[inaudible 00:01:02]",
 * "[music]". They are not words anyone said, so they do not count towards talk share. Only brackets whose content
 * starts with a known marker word are removed: "(Acme)" or "[sic]" inside a sentence stays.
 */
const MARKER_WORDS = new Set([
  'inaudible',
  'unintelligible',
  'indiscernible',
  'crosstalk',
  'cross-talk',
  'overlapping',
  'laughter',
  'laughs',
  'laughing',
  'laugh',
  'silence',
  'pause',
  'music',
  'noise',
  'background',
  'applause',
  'coughs',
  'cough',
  'no audio',
  'audio',
  'foreign',
  'sighs',
]);
const BRACKETED = /[[(]([^[\]()]{1,60})[\])]/g;

export function isNoiseMarker(content: string): boolean {
  const lower = content.trim().toLowerCase();
  const first = lower.split(/[\s:,]/, 1)[0] ?? '';
  return MARKER_WORDS.has(first) || MARKER_WORDS.has(lower);
}

export function stripNoiseMarkers(text: string): string {
  return text.replace(BRACKETED, (whole, content: string) => (isNoiseMarker(content) ? ' ' : whole));
}
