import type {
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ViewHandler = (args: ViewArgs) => Promise<void>;
type SubmittedView = ViewArgs['view'];

const NOTICE_BLOCK = 'nothing_saved_notice';

export const NOTHING_SAVED =
  'Something failed on our side and nothing was saved. What you typed is still here: press the button again in a minute.';

/**
 * Wraps every view submission: if the handler throws before it acknowledged (a database that is down or locked,
 * a Slack call that failed), the modal stays open with an error that says nothing was saved, and Slack keeps
 * every typed value. Without it the ack middleware answers with an empty body, the modal closes and the text is
 * gone. After the ack the handler has saved or answered already, so a later failure is only logged.
 */
export function saveOrSayWhy(deps: Pick<AppDeps, 'logger'>, handler: ViewHandler): ViewHandler {
  return async (args) => {
    let acked = false;
    const ack: ViewArgs['ack'] = async (response) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await handler({ ...args, ack });
    } catch (error) {
      if (acked) throw error;
      deps.logger.error(`view submission ${args.view.callback_id} failed before saving`, error);
      await args.ack(nothingSavedResponse(args.view));
    }
  };
}

/** An inline error under the first input of the modal; a modal without inputs is redrawn with the message on top. */
export function nothingSavedResponse(view: SubmittedView): ViewResponseAction {
  const input = view.blocks.find((b) => b.type === 'input' && typeof b.block_id === 'string');
  if (input?.block_id) return { response_action: 'errors', errors: { [input.block_id]: NOTHING_SAVED } };
  return {
    response_action: 'update',
    view: {
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      title: view.title,
      ...(view.submit ? { submit: view.submit } : {}),
      ...(view.close ? { close: view.close } : {}),
      blocks: [
        { type: 'section', block_id: NOTICE_BLOCK, text: { type: 'plain_text', text: NOTHING_SAVED } },
        ...view.blocks.filter((b) => b.block_id !== NOTICE_BLOCK),
      ],
    } as ViewResponseAction extends { view: infer V } ? V : never,
  };
}
