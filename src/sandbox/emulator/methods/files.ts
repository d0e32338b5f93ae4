import { z } from 'zod';
import { fileJson } from '../serialize.js';
import { botMessage, resolveThread } from './chat.js';
import {
  jsonField,
  type MethodHandler,
  numberField,
  parseArgs,
  requireMembership,
  SlackApiError,
} from './context.js';

const uploadUrlArgs = z.object({
  filename: z.string().min(1),
  length: numberField.pipe(z.number().int().positive()),
  alt_text: z.string().optional(),
  snippet_type: z.string().optional(),
});

const getUploadURLExternal: MethodHandler = (raw, ctx) => {
  const args = parseArgs(uploadUrlArgs, raw);
  const id = ctx.state.nextId('F');
  ctx.state.files.set(id, {
    id,
    name: args.filename,
    title: args.filename,
    length: args.length,
    altText: args.alt_text,
    snippetType: args.snippet_type,
    createdBy: ctx.caller.userId,
    created: Math.floor(ctx.state.clock() / 1000),
    channels: [],
    uploaded: false,
    completed: false,
  });
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
};

const completeArgs = z.object({
  files: jsonField(z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1)),
  channel_id: z.string().optional(),
  channels: z.string().optional(),
  initial_comment: z.string().optional(),
  thread_ts: z.string().optional(),
});

const completeUploadExternal: MethodHandler = (raw, ctx) => {
  const args = parseArgs(completeArgs, raw);
  const files = args.files.map(({ id, title }) => {
    const file = ctx.state.files.get(id);
    if (!file || file.completed) throw new SlackApiError('file_not_found');
    if (!file.uploaded) throw new SlackApiError('file_upload_not_found');
    if (title) file.title = title;
    return file;
  });
  const target = args.channel_id ?? args.channels?.split(',')[0];
  if (target) {
    const channel = requireMembership(ctx, target);
    const threadTs = resolveThread(ctx, channel.id, args.thread_ts);
    for (const file of files) file.channels.push(channel.id);
    botMessage(ctx, {
      channel: channel.id,
      text: args.initial_comment ?? '',
      files: files.map((f) => f.id),
      threadTs,
    });
  }
  for (const file of files) {
    file.completed = true;
    ctx.state.emit({ kind: 'file.completed', fileId: file.id });
  }
  return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
};

const info: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ file: z.string().min(1) }), raw);
  const file = ctx.state.files.get(args.file);
  if (!file?.completed) throw new SlackApiError('file_not_found');
  return { ok: true, file: fileJson(ctx.state, file), comments: [], response_metadata: { next_cursor: '' } };
};

export const filesMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': info,
};
