import type { WebClient } from '@slack/web-api';
import type { MessageClassifier } from '../../domain/classifier/types.js';
import type { Deal } from '../../domain/deals.js';
import { checkRecapSize } from '../../domain/recap/limits.js';
import { computeListeningMetrics, type ListeningResult } from '../../domain/recap/listening-metrics.js';
import type { Meeting, MeetingAnalysis, NewRecapProposal } from '../../domain/recap/meeting.js';
import { listeningGuidance } from '../../domain/recap/reference-points.js';
import { type ParsedTranscript, parseTranscript } from '../../domain/recap/transcript-parse.js';
import type { ProposedStakeholder } from '../../domain/recap/types.js';
import { BUYING_ROLE_LABELS, type BuyingRole } from '../../domain/stakeholders.js';
import { dateOrderFor } from '../../domain/time/when-reader.js';
import { offlineRecapExtractor, type RecapExtractor } from '../../llm/recap-extractor.js';
import type { AppLogger } from '../../logger.js';
import type { Repositories } from '../../storage/ports.js';
import type { FetchFile } from '../deps.js';
import { listeningMessage } from '../views/recap-metrics.js';
import type { RecapModalMetadata } from '../views/recap-modal.js';
import type { RecapForm } from '../views/recap-modal-parse.js';
import { replyPrivately } from './private-reply.js';
import { replaceEarlierProposals } from './recap-rerun.js';
import { downloadTranscriptFile, slackPerson, threadNotes } from './recap-sources.js';
import { postRecapThread } from './recap-thread.js';

export interface RecapDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  recapExtractor?: RecapExtractor;
  fetchFile?: FetchFile;
  /** Judges which of our transcript sentences prescribe (the same classifier as deal channels). */
  messageClassifier: MessageClassifier;
  extraFileOrigins?: readonly string[];
  /** Parses transcripts off the request path (worker thread); absent = in line. */
  parseTranscript?: (text: string) => Promise<ParsedTranscript>;
}

export interface PostRecapArgs {
  client: WebClient;
  botToken: string;
  teamId: string;
  userId: string;
  deal: Deal;
  meta: RecapModalMetadata;
  form: RecapForm;
  /** Updated as the run goes, so a failure can say what failed ("saving the meeting"). */
  stage?: { current: RecapStage };
  /** Called once the meeting is stored (a retry passes its id as `meta.meetingId`). */
  onMeetingSaved?: (meetingId: number) => Promise<void>;
  /** A retry: proposals the failed run stored but never posted are discarded first. */
  replaceUnposted?: boolean;
}

export type RecapStage =
  | 'reading the thread and the file'
  | 'reading the text'
  | 'extracting proposals'
  | 'saving the meeting'
  | 'posting the recap in the channel'
  | 'sending your listening figures';

/** At most this many proposals are posted per recap; the rest is reported, not silently dropped. */
export const MAX_PROPOSALS = 60;

async function readTranscript(
  deps: RecapDeps,
  text: string,
  notices: string[],
): Promise<ParsedTranscript | null> {
  if (text.trim() === '') return null;
  if (!deps.parseTranscript) return parseTranscript(text);
  try {
    return await deps.parseTranscript(text);
  } catch (error) {
    notices.push(
      `The transcript could not be read as a transcript (${(error as Error).message}); read as notes.`,
    );
    return null;
  }
}

function buyingRoleOf(role: string | null): BuyingRole | undefined {
  if (!role) return undefined;
  const text = role.toLowerCase();
  const found = (Object.entries(BUYING_ROLE_LABELS) as [BuyingRole, string][]).find(
    ([key, label]) => key !== 'other' && text.includes(label.toLowerCase()),
  );
  return found?.[0];
}

async function customerAttendees(deps: RecapDeps, deal: Deal, form: RecapForm): Promise<number[]> {
  const known = new Set((await deps.repos.stakeholders.listByDeal(deal.teamId, deal.id)).map((s) => s.id));
  const ids = form.customerStakeholderIds.filter((id) => known.has(id));
  for (const attendee of form.customerNew) {
    const role = buyingRoleOf(attendee.role);
    const person = await deps.repos.stakeholders.findOrCreate({
      teamId: deal.teamId,
      dealId: deal.id,
      name: attendee.name,
      title: attendee.role,
      ...(role ? { buyingRole: role } : {}),
    });
    if (!ids.includes(person.id)) ids.push(person.id);
  }
  return ids;
}

async function ourSpeakerNames(deps: RecapDeps, client: WebClient, form: RecapForm): Promise<string[]> {
  const names = [...form.ourSpeakers];
  for (const userId of form.ourUserIds.slice(0, 20))
    names.push(...(await slackPerson(client, userId, deps.logger)).names);
  return [...new Set(names)];
}

/**
 * Everything after the recap modal was acknowledged: reads thread replies and the transcript file, stores the
 * meeting with its evidence, extracts proposals (LLM or offline), posts the parent message and the thread, and
 * sends the listening figures privately to the rep.
 */
export async function postRecap(deps: RecapDeps, args: PostRecapArgs): Promise<Meeting> {
  const { client, deal, form, meta } = args;
  const stage = args.stage ?? { current: 'reading the thread and the file' };
  stage.current = 'reading the thread and the file';
  const notices: string[] = [];
  const existing = meta.meetingId ? await deps.repos.meetings.getById(deal.teamId, meta.meetingId) : null;
  // The prompt's thread is where the meeting says (the deal channel, or where a shared channel's coaching goes).
  const promptChannel = existing?.dealId === deal.id ? existing.channelId : deal.channelId;
  const replies = meta.promptTs ? await threadNotes(client, promptChannel, meta.promptTs) : [];
  if (replies.length > 0)
    notices.push(
      `${replies.length} thread repl${replies.length === 1 ? 'y was' : 'ies were'} added to the notes.`,
    );
  let notes = [form.notes, ...replies].filter((t) => t.trim() !== '').join('\n');
  const notesSize = checkRecapSize(notes, 'notes');
  if (!notesSize.ok) {
    notices.push(notesSize.message);
    notes = notes.slice(0, notesSize.max);
  }

  let transcriptText = form.transcript;
  if (form.fileId) {
    const file = await downloadTranscriptFile({
      client,
      botToken: args.botToken,
      fileId: form.fileId,
      channelId: deal.channelId,
      fetchFile: deps.fetchFile ?? ((url, init) => fetch(url, init)),
      ...(deps.extraFileOrigins ? { extraFileOrigins: deps.extraFileOrigins } : {}),
    });
    if (file.ok) transcriptText = file.text;
    else notices.push(file.reason);
  }

  const ourSpeakers = await ourSpeakerNames(deps, client, form);
  // Due dates typed in the text ("by 12/3") read in the rep's numeric order (their Slack locale).
  const rep = await slackPerson(client, args.userId, deps.logger);
  stage.current = 'reading the text';
  const transcript = await readTranscript(deps, transcriptText, notices);
  const readAs = transcript?.hasSpeakers ? 'transcript' : 'notes';
  if (transcript && readAs === 'notes') notices.push(`Read as notes because: ${transcript.reason}`);
  const listening: ListeningResult | null = transcript
    ? readAs === 'transcript'
      ? computeListeningMetrics(transcript.utterances, ourSpeakers, deps.messageClassifier)
      : { ok: false, reason: transcript.reason ?? 'The transcript has no speaker labels.' }
    : null;

  stage.current = 'extracting proposals';
  const extractor = deps.recapExtractor ?? offlineRecapExtractor;
  const outcome = await extractor.extract({
    notes,
    transcript,
    transcriptText,
    meetingDate: form.date,
    ourSpeakers,
    dateOrder: dateOrderFor(rep.locale),
  });
  if (outcome.fallbackReason) {
    notices.push(
      `The LLM extraction failed (${outcome.fallbackReason}), so the offline extractor proposed these.`,
    );
  } else if (outcome.extractor === 'offline') {
    notices.push('Proposals by the offline extractor (markers, quoted words, customer language).');
  } else {
    notices.push(
      'Proposals suggested by the LLM; quotes not found verbatim in the text, and statements whose words are not in it, were removed.',
    );
  }
  if (outcome.truncated)
    notices.push('The text was longer than the extraction budget, so its end was not read (cut).');
  const silent = outcome.extraction.stakeholders ?? [];
  if (silent.length > 0) notices.push(silentStakeholdersNotice(silent));

  const proposals: NewRecapProposal[] = [
    ...outcome.extraction.entries.map((e) => ({
      kind: 'entry' as const,
      payload: {
        kind: e.kind,
        statement: e.statement,
        quote: e.quote,
        speaker: e.speaker,
        constraintCategory: e.constraintCategory,
      },
    })),
    ...(form.proposedByUs ?? '')
      .split('\n')
      .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
      .filter((l) => l.length >= 3)
      .map((statement) => ({
        kind: 'entry' as const,
        payload: {
          kind: 'proposal' as const,
          statement,
          quote: null,
          speaker: null,
          constraintCategory: null,
        },
      })),
    ...outcome.extraction.decisions.map((d) => ({ kind: 'decision' as const, payload: d })),
  ];
  if (proposals.length > MAX_PROPOSALS) {
    notices.push(`Only the first ${MAX_PROPOSALS} of ${proposals.length} proposals are shown.`);
    proposals.length = MAX_PROPOSALS;
  }

  const analysis: MeetingAnalysis = {
    format: transcript?.format ?? null,
    readAs,
    reason: transcript && readAs === 'notes' ? transcript.reason : null,
    extractor: outcome.extractor,
    truncated: outcome.truncated,
    fallbackReason: outcome.fallbackReason,
  };
  stage.current = 'saving the meeting';
  const fields = {
    title: form.title,
    meetingDate: form.date,
    status: 'recapped' as const,
    ourUserIds: form.ourUserIds,
    customerStakeholderIds: await customerAttendees(deps, deal, form),
    customerNew: form.customerNew,
    notes: notes || null,
    transcript: transcriptText || null,
    proposedByUs: form.proposedByUs,
    analysis,
  };
  const meeting =
    existing && existing.dealId === deal.id
      ? ((await deps.repos.meetings.update(deal.teamId, existing.id, fields)) ?? existing)
      : await deps.repos.meetings.create({
          teamId: deal.teamId,
          dealId: deal.id,
          channelId: deal.channelId,
          createdBy: args.userId,
          ...fields,
        });

  await args.onMeetingSaved?.(meeting.id);
  const retried = existing && args.replaceUnposted ? existing : null;
  if (retried) await replaceEarlierProposals(deps, client, meeting, args.userId);
  // The failed run may have posted the recap's parent before failing: the retry continues that thread instead of
  // posting a second recap in the channel.
  const earlierParent =
    retried?.recapTs && retried.dealId === deal.id
      ? { ts: retried.recapTs, channelId: retried.channelId }
      : null;
  const stored = await deps.repos.meetings.addProposals(deal.teamId, meeting.id, proposals);
  stage.current = 'posting the recap in the channel';
  const posted = await postRecapThread(
    deps,
    client,
    { ...meeting, channelId: deal.channelId, createdBy: args.userId },
    stored,
    notices,
    deal.ownerUserId,
    earlierParent,
  );

  if (listening) {
    stage.current = 'sending your listening figures';
    const guidance = listening.ok ? listeningGuidance(listening.metrics) : [];
    const message = listeningMessage(form.title, listening, guidance);
    await replyPrivately(
      deps,
      client,
      { channelId: deal.channelId, userId: args.userId },
      message,
      'listening figures',
    );
  }
  return posted;
}

/**
 * Groups named in the meeting who never spoke ("the board", "procurement"). Those the customer named are proposed
 * below as constraints or risks to confirm, quoting the sentence that names them; the notice names them all.
 */
export function silentStakeholdersNotice(stakeholders: readonly ProposedStakeholder[]): string {
  const names = stakeholders.map((s) => s.name).join(', ');
  return `Mentioned but never heard from: ${names}. Where the customer named them, a proposal below says so with their words: confirm it if they take part in the decision, and ask who speaks for them.`;
}
