import { describe, expect, it } from 'vitest';
import {
  messageWireText,
  slackTextToPlain,
  unlabelledMentions,
} from '../../../src/slack/views/entry-from-message.js';

describe('Slack wire text to plain text', () => {
  it('decodes the three entities, keeping a literal &lt; typed by the person', () => {
    expect(slackTextToPlain('a &lt; b &amp;&amp; c &gt; d, literally &amp;lt;')).toBe(
      'a < b && c > d, literally &lt;',
    );
  });

  it('turns mentions, channels, specials and links into readable text', () => {
    const text =
      '<@U1|dana> and <@U2> in <#C1|deal-acme>, <!here> see <https://x.io/a|the doc> or <https://y.io>';
    expect(slackTextToPlain(text, { U2: 'Sam' })).toBe(
      '@dana and @Sam in #deal-acme, @here see the doc or https://y.io',
    );
    expect(slackTextToPlain('<@U9> said <!subteam^S1|@ops>')).toBe('@someone said @ops');
    expect(unlabelledMentions('<@U1> <@U2|x> <@U1>')).toEqual(['U1']);
  });

  it('reads rich_text blocks when the text is empty', () => {
    const message = {
      text: '',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U222' },
                { type: 'text', text: ' budget < 10k' },
              ],
            },
          ],
        },
      ],
    };
    expect(slackTextToPlain(messageWireText(message), { U222: 'Dana' })).toBe('@Dana budget < 10k');
    expect(messageWireText({ text: '<@W222> test' })).toBe('<@W222> test');
  });
});
