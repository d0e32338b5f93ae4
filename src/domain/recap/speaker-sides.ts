import { isOurSpeaker } from './our-speakers.js';
import { speakerKey } from './turns.js';
import type { Utterance } from './types.js';

/** Affiliations that mark a visitor, not a company: they never make two speakers colleagues. */
const NOT_A_COMPANY = new Set([
  'guest',
  'external',
  'unverified',
  'visitor',
  'customer',
  'host',
  'co-host',
  'me',
]);

function companyKey(affiliation: string | undefined): string | null {
  if (affiliation === undefined) return null;
  const key = affiliation.trim().replace(/\s+/g, ' ').toLowerCase();
  // Pronouns ("she/her", "he/him") are not companies either.
  return key === '' || key.includes('/') || NOT_A_COMPANY.has(key) ? null : key;
}

/**
 * Who is ours in this transcript. A speaker is ours when their name matches one of our names (by full name only
 * when the tool marked them with an affiliation, see isOurSpeaker), or when they carry the same company as one of
 * our named speakers: "Kofi Mensah (Northwind)" is our colleague when "Sam Rivera (Northwind)" is ours.
 */
export function ourSideOf(
  utterances: readonly Utterance[],
  ourNames: readonly string[],
): (speaker: string | null) => boolean {
  const affiliated = new Set<string | null>();
  const companyOf = new Map<string, string>();
  for (const utterance of utterances) {
    const key = speakerKey(utterance.speaker);
    if (key === null || utterance.affiliation === undefined) continue;
    affiliated.add(key);
    const company = companyKey(utterance.affiliation);
    if (company !== null && !companyOf.has(key)) companyOf.set(key, company);
  }
  const byName = (speaker: string | null) =>
    isOurSpeaker(speaker, ourNames, affiliated.has(speakerKey(speaker)));
  const ourCompanies = new Set<string>();
  for (const [key, company] of companyOf) if (byName(key)) ourCompanies.add(company);
  return (speaker) => {
    if (byName(speaker)) return true;
    const company = companyOf.get(speakerKey(speaker) ?? '');
    return company !== undefined && ourCompanies.has(company);
  };
}
