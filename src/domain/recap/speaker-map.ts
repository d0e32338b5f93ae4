import { isGenericSpeaker } from './speaker-label.js';
import { speakerKey } from './turns.js';
import type { Utterance } from './types.js';

/** "Speaker 1 = Dana Ruiz" (or "->", "is") lines, typed by the rep above a transcript with generic labels. */
const MAPPING_LINE =
  /^\s*((?:speaker|participant|guest) ?\d{1,3}|unknown speaker(?: ?\d{1,3})?) ?(?:=|->|→|is\b) ?(\S[^=\n]{0,59})$/i;

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
    const match = MAPPING_LINE.exec(line);
    if (match) names.set(speakerKey(match[1]!)!, match[2]!.trim());
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
