import { isGenericSpeaker } from './speaker-label.js';
import { speakerKey } from './turns.js';
import type { Utterance } from './types.js';

/** What separates a generic label from the real name in a mapping line the rep types. */
const MAPPING_SEPARATORS = ['=', '->', '→', ' is '];

/**
 * "Speaker 1 = Dana Ruiz" (or "->", "→", "is") lines, typed by the rep above a transcript with generic labels
 * ("Speaker 1", "Unknown Speaker", a dial-in phone number). Read without a pattern: the left side must be a
 * generic label, the right side a name of at most 60 characters.
 */
function mappingOf(line: string): [string, string] | null {
  for (const separator of MAPPING_SEPARATORS) {
    const at = line.indexOf(separator);
    if (at <= 0) continue;
    const label = line.slice(0, at).trim();
    const name = line.slice(at + separator.length).trim();
    if (!isGenericSpeaker(label) || name === '' || name.length > 60 || name.includes('=')) continue;
    return [label, name];
  }
  return null;
}

export interface SpeakerMapping {
  /** The text without the mapping lines. */
  text: string;
  /** Generic label (lower case) -> real name. */
  names: Map<string, string>;
}

export function readSpeakerMapping(text: string): SpeakerMapping {
  const names = new Map<string, string>();
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const mapping = mappingOf(line);
    if (mapping) names.set(speakerKey(mapping[0])!, mapping[1]);
    else kept.push(line);
  }
  return { text: kept.join('\n'), names };
}

export function applySpeakerMapping(utterances: Utterance[], names: Map<string, string>): Utterance[] {
  if (names.size === 0) return utterances;
  return utterances.map((utterance) => {
    const mapped = names.get(speakerKey(utterance.speaker) ?? '');
    return mapped ? { ...utterance, speaker: mapped } : utterance;
  });
}

/** The generic labels still in a transcript ("Speaker 1", "Speaker 2"), in order of first appearance. */
export function unmappedGenericSpeakers(utterances: readonly Utterance[]): string[] {
  const seen = new Map<string, string>();
  for (const { speaker } of utterances) {
    if (speaker && isGenericSpeaker(speaker) && !seen.has(speaker.toLowerCase())) {
      seen.set(speaker.toLowerCase(), speaker);
    }
  }
  return [...seen.values()];
}

/** Our own names first, then placeholders, so no two example lines name the same person. */
function exampleName(index: number, ourNames: readonly string[]): string {
  const ours = ourNames[index];
  if (ours) return ours;
  return index === 0 ? 'Your Name' : `Customer Name ${index - Math.min(ourNames.length, index) + 1}`;
}

/** What the rep reads when figures need names: "Speaker 1 = Dana Ruiz?" lines to add above the transcript. */
export function mappingRequest(generic: readonly string[], ourNames: readonly string[]): string {
  const example = generic
    .slice(0, 3)
    .map((label, index) => `"${label} = ${exampleName(index, ourNames)}"`)
    .join(', ');
  return (
    `The transcript labels speakers as ${generic.join(', ')}, so we cannot tell who is ours. ` +
    `Add one line per speaker above the transcript, e.g. ${example}, and send it again.`
  );
}
