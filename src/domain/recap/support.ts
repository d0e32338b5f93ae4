/**
 * Is a model-written line (a statement or a decision title) supported by the text it was read from? Its content
 * words (four letters or more, not function words) must mostly occur in the source; words match on their first
 * five characters, so "delays" is found in "delayed" and "shipments" in "shipment". A line the model made up from
 * general knowledge ("They plan to buy 500 seats") shares too few words with the meeting and is dropped.
 */
const STOP = new Set(
  'that this with from they them their there have will would should could about into your what when which were been being also just than then very more most some such only over under after before because while'.split(
    ' ',
  ),
);
const STEM = 5;
export const MIN_SUPPORTED_SHARE = 0.5;

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const contentStems = (text: string): string[] =>
  words(text)
    .filter((w) => (w.length >= 4 || /^\p{N}+$/u.test(w)) && !STOP.has(w))
    .map((w) => w.slice(0, STEM));

/** The stems of a source text, built once and asked many times. */
export function sourceVocabulary(source: string): ReadonlySet<string> {
  return new Set(words(source).map((w) => w.slice(0, STEM)));
}

export function isSupportedBy(line: string, vocabulary: ReadonlySet<string>): boolean {
  const stems = contentStems(line);
  if (stems.length === 0) return true;
  const found = stems.filter((s) => vocabulary.has(s)).length;
  return found / stems.length >= MIN_SUPPORTED_SHARE;
}
