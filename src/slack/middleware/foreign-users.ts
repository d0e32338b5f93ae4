import type { AppLogger } from '../../logger.js';
import type { RequestStep } from './request-pipeline.js';

export const FOREIGN_USER_TEXT =
  "Sorry, shared-vision's buttons are for the team that runs this deal. Please ask your contact there.";

interface PayloadUser {
  id?: string;
  team_id?: string;
}

/** The acting user's own organisation, from an interactivity payload (null for events and commands). */
function actingUserTeam(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { type, user } = body as { type?: string; user?: PayloadUser };
  const interactive = ['block_actions', 'view_submission', 'view_closed', 'message_action', 'shortcut'];
  if (!type || !interactive.includes(type)) return null;
  return user?.team_id ?? null;
}

/**
 * Slack Connect: people from another organisation see our messages in a shared channel and can click their
 * buttons. They are refused politely (an ephemeral note only they see) and nothing of the deal is shown to them.
 */
export function refuseForeignUsers(logger: AppLogger): RequestStep {
  return async (args, next) => {
    const userTeam = actingUserTeam(args.body);
    const ownTeam = args.context.teamId;
    // An org-wide (Enterprise Grid) install serves every workspace of the org: team ids differ legitimately.
    if (args.context.isEnterpriseInstall || !userTeam || !ownTeam || userTeam === ownTeam) return next();
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    const body = args.body as { response_url?: string; user?: PayloadUser; channel?: { id?: string } };
    logger.info(`refused an action by ${body.user?.id ?? '?'} of another organisation (${userTeam})`);
    const channel = body.channel?.id;
    const user = body.user?.id;
    if (channel && user) {
      await args.client.chat
        .postEphemeral({ channel, user, text: FOREIGN_USER_TEXT })
        .catch((error: unknown) => logger.warn('could not tell a foreign user why', error));
    }
  };
}
