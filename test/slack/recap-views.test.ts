import { describe, expect, it } from 'vitest';
import type { RecapProposal } from '../../src/domain/recap/meeting.js';
import { LIMITS } from '../../src/slack/views/limits.js';
import { chunkProposals, proposalMessage } from '../../src/slack/views/recap-messages.js';
import { fileIdFromLink, parseAttendeeLine } from '../../src/slack/views/recap-modal-parse.js';

const entry = (id: number, statement: string): RecapProposal => ({
  id,
  teamId: 'T1',
  meetingId: 1,
  kind: 'entry',
  status: 'proposed',
  messageTs: null,
  resolvedBy: null,
  resolvedAt: null,
  entryId: null,
  payload: {
    kind: 'driver',
    statement,
    quote: '<!channel> now',
    speaker: 'Dana <b>',
    constraintCategory: null,
  },
});

describe('recap views', () => {
  it('reads "Name - role" lines', () => {
    expect(parseAttendeeLine('Dana Lee - CFO')).toEqual({ name: 'Dana Lee', role: 'CFO' });
    expect(parseAttendeeLine('- Sam Park (Champion)')).toEqual({ name: 'Sam Park', role: 'Champion' });
    expect(parseAttendeeLine('Kim, IT lead')).toEqual({ name: 'Kim', role: 'IT lead' });
    expect(parseAttendeeLine('Jean-Luc')).toEqual({ name: 'Jean-Luc', role: null });
    expect(parseAttendeeLine('   ')).toBeNull();
  });

  it('finds the file id in a Slack file link', () => {
    expect(fileIdFromLink('https://acme.slack.com/files/U0REP/F0ABC123/call.vtt')).toBe('F0ABC123');
    expect(fileIdFromLink('F0ABC123')).toBe('F0ABC123');
    expect(fileIdFromLink('https://example.com/call.vtt')).toBeNull();
  });

  it('splits many proposals over messages within the block limit and escapes their text', () => {
    const all = Array.from({ length: 60 }, (_, i) => entry(i + 1, `Statement ${i + 1}`));
    const chunks = chunkProposals(all);
    expect(chunks.map((c) => c.length)).toEqual([20, 20, 20]);
    for (const chunk of chunks) {
      const message = proposalMessage(chunk);
      expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      expect(message.blocks).toHaveLength(41);
    }
    const text = JSON.stringify(proposalMessage([entry(1, 'x <@U1>')]).blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('x &lt;@U1&gt;');
    expect(text).toContain('Dana &lt;b&gt;');
  });
});
