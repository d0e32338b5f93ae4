import type { WebClient } from '@slack/web-api';
import { RECAP_LIMITS } from '../../domain/recap/limits.js';
import { isValidTimeZone } from '../../domain/time/zoned-time.js';
import type { AppLogger } from '../../logger.js';
import { downloadSlackFile, SLACK_FILE_ORIGIN } from '../../services/slack-file-download.js';
import type { FetchFile } from '../deps.js';

/** Reads what a recap needs from Slack: people's names and zones, thread replies, transcript files. */

export interface SlackPerson {
  timeZone: string;
  /** Real name, display name and first name, as they may appear as transcript speaker labels. */
  names: string[];
  /** The user's Slack locale (e.g. en-GB) when Slack gives one; decides how 12/3 reads. */
  locale: string | null;
}

export async function slackPerson(
  client: WebClient,
  userId: string,
  logger: AppLogger,
): Promise<SlackPerson> {
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    const user = info.user;
    const names = [user?.real_name, user?.profile?.real_name, user?.profile?.display_name]
      .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
      .map((n) => n.trim());
    const tz = user?.tz && isValidTimeZone(user.tz) ? user.tz : 'UTC';
    const locale = typeof user?.locale === 'string' && user.locale.trim() !== '' ? user.locale : null;
    return { timeZone: tz, names: [...new Set(names)], locale };
  } catch (error) {
    logger.warn(`users.info failed for ${userId}; using UTC and no names`, error);
    return { timeZone: 'UTC', names: [], locale: null };
  }
}

/** Replies people wrote in a thread (bots left out), oldest first, as note lines. */
export async function threadNotes(client: WebClient, channel: string, threadTs: string): Promise<string[]> {
  const lines: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.replies({
      channel,
      ts: threadTs,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of page.messages ?? []) {
      if (message.ts === threadTs || message.bot_id) continue;
      if (message.text && message.text.trim() !== '') lines.push(message.text.trim());
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor && lines.length < 500);
  return lines;
}

const TRANSCRIPT_FILE = /\.(vtt|srt|txt|md|text)$/i;

/** Transcript-like files (.vtt, .srt, .txt, .md) shared in the channel's recent messages, newest first. */
export async function recentTranscriptFiles(
  client: WebClient,
  channel: string,
  logger: AppLogger,
): Promise<Array<{ id: string; name: string }>> {
  try {
    const history = await client.conversations.history({ channel, limit: 100 });
    const files = new Map<string, string>();
    for (const message of history.messages ?? []) {
      for (const file of message.files ?? []) {
        if (file.id && file.name && TRANSCRIPT_FILE.test(file.name)) files.set(file.id, file.name);
      }
    }
    return [...files].slice(0, 25).map(([id, name]) => ({ id, name }));
  } catch (error) {
    logger.warn(`conversations.history failed for ${channel}; no file choices`, error);
    return [];
  }
}

export type FileText = { ok: true; name: string; text: string } | { ok: false; reason: string };

/**
 * A transcript file's text: files.info (must be shared in this channel and stored in Slack), then its
 * url_private_download with the bot token, from Slack's file host only (see downloadSlackFile).
 */
export async function downloadTranscriptFile(args: {
  client: WebClient;
  botToken: string;
  fileId: string;
  channelId: string;
  fetchFile: FetchFile;
  /** Extra origins besides https://files.slack.com (tests, the local emulator); from config only. */
  extraFileOrigins?: readonly string[];
  timeoutMs?: number;
}): Promise<FileText> {
  let info: Awaited<ReturnType<WebClient['files']['info']>>;
  try {
    info = await args.client.files.info({ file: args.fileId });
  } catch {
    return { ok: false, reason: 'I could not find that file (is it shared in this channel?).' };
  }
  const file = info.file;
  const channels = [...(file?.channels ?? []), ...(file?.groups ?? [])];
  if (!file || !channels.includes(args.channelId)) {
    return { ok: false, reason: 'That file is not shared in this channel, so I did not read it.' };
  }
  const name = file.name ?? args.fileId;
  if (file.is_external || file.mode === 'external' || (file.external_type ?? '') !== '') {
    return {
      ok: false,
      reason: `${name} is stored outside Slack (e.g. Google Drive), so I did not read it. Upload the file to Slack or paste the transcript.`,
    };
  }
  const limit = RECAP_LIMITS.maxTranscriptChars;
  if ((file.size ?? 0) >= limit * 4) {
    return {
      ok: false,
      reason: `${name} is too large to read (limit ${limit.toLocaleString('en-US')} characters).`,
    };
  }
  const url = file.url_private_download;
  if (!url)
    return { ok: false, reason: `${name} has no downloadable content in Slack, so I did not read it.` };
  const result = await downloadSlackFile({
    url,
    botToken: args.botToken,
    allowedOrigins: [SLACK_FILE_ORIGIN, ...(args.extraFileOrigins ?? [])],
    // UTF-8 takes at most 4 bytes a character.
    maxBytes: limit * 4,
    fetchFile: args.fetchFile,
    ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
  });
  if (!result.ok) {
    const reasons: Record<typeof result.reason, string> = {
      host_not_allowed: `${name} is not served by Slack's file host, so I did not read it (my token goes to Slack only).`,
      too_large: `${name} is too large to read (limit ${limit.toLocaleString('en-US')} characters).`,
      http_error: `Downloading ${name} failed (${result.detail}).`,
      timeout: `Downloading ${name} took too long; paste the transcript instead.`,
      network: `Downloading ${name} failed; paste the transcript instead.`,
      too_many_redirects: `Downloading ${name} failed (too many redirects).`,
    };
    return { ok: false, reason: reasons[result.reason] };
  }
  if (result.text.length > limit) {
    return {
      ok: false,
      reason: `${name} has ${result.text.length.toLocaleString('en-US')} characters; the limit is ${limit.toLocaleString('en-US')}. Please trim it.`,
    };
  }
  return { ok: true, name, text: result.text };
}
