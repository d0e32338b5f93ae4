import { authMethods } from './auth.js';
import { chatMethods } from './chat.js';
import type { MethodHandler } from './context.js';
import { conversationsMethods } from './conversations.js';
import { filesMethods } from './files.js';
import { reactionsMethods } from './reactions.js';
import { usersMethods } from './users.js';
import { viewsMethods } from './views.js';

/** Every Web API method the emulator implements, by name. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...authMethods,
  ...chatMethods,
  ...conversationsMethods,
  ...usersMethods,
  ...viewsMethods,
  ...reactionsMethods,
  ...filesMethods,
};
