// The channel intro, and in a deal channel a short guide of what to try.

import { h } from './dom.js';

/** @param {string} text */
const cmd = (text) => h('code', {}, text);

/** @param {any} channel @param {string} botName */
export function channelIntro(channel, botName) {
  const intro = h(
    'div',
    { class: 'channel-intro' },
    h('h3', {}, `This is the very beginning of #${channel.name}`),
    channel.topic ? h('p', { class: 'muted' }, channel.topic) : null,
  );
  if (!channel.name.startsWith('deal-')) return intro;
  intro.append(
    h(
      'div',
      { class: 'guide' },
      h('strong', {}, 'Try shared-vision here'),
      h(
        'ol',
        {},
        h('li', {}, cmd('/vision setup'), ' links this channel to a deal (who the customer is, the stage).'),
        h(
          'li',
          {},
          cmd('/vision driver "We lose a day a week reconciling orders"'),
          ' or ',
          cmd('/vision log'),
          ' captures the customer’s words; or hover any message, click ⋯ and “Log to shared vision”.',
        ),
        h('li', {}, cmd('/vision recap'), ' turns meeting notes into proposals you confirm in a thread.'),
        h(
          'li',
          {},
          cmd('/vision draft'),
          ' writes the shared vision from what was logged (offline without an API key).',
        ),
        h(
          'li',
          {},
          cmd('/vision stalled'),
          ' lists stalled customer decisions; ',
          cmd('/vision nudges'),
          ' shows the weekly nudge settings.',
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        cmd('/vision help'),
        ' lists every command. Switch user (top right) to see what others see; ',
        `mention @${botName} to talk to the app; its Home tab is in the sidebar.`,
      ),
    ),
  );
  return intro;
}
