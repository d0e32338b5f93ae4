import { describe, expect, it } from 'vitest';
import { extractCustomerQuote } from '../../../src/domain/classifier/index.js';

describe('extractCustomerQuote', () => {
  it('reads Slack-escaped ">" quotes, joining lines and dropping the markers', () => {
    const found = extractCustomerQuote(
      '&gt; we run close in 9 days\n&gt; the board wants 5\nfrom their email',
    );
    expect(found).toMatchObject({
      form: 'blockquote',
      attributed: true,
      quote: 'we run close in 9 days the board wants 5',
    });
  });

  it('reads ">>>" as quoting the rest of the message', () => {
    expect(extractCustomerQuote('&gt;&gt;&gt; We need one carrier portal.\nNot five.')?.quote).toBe(
      'We need one carrier portal. Not five.',
    );
  });

  it('does not take our own draft in a ">" quote for the customer', () => {
    expect(extractCustomerQuote('Draft reply:\n&gt; we can help you cut costs by 30%')).toBeNull();
  });

  it('strips "they said", "that" and quotation marks', () => {
    expect(extractCustomerQuote('they said “we lose three days per shipment”')?.quote).toBe(
      'we lose three days per shipment',
    );
    expect(extractCustomerQuote('the customer said that they need SSO by March')?.quote).toBe(
      'they need SSO by March',
    );
    expect(extractCustomerQuote('Their CFO said, and I quote, "no new spend this year"')?.quote).toBe(
      'no new spend this year',
    );
  });

  it('accepts named people and roles as speakers, but not us', () => {
    expect(extractCustomerQuote('Priya mentioned that legal needs 8 weeks')?.reason).toContain('Priya');
    expect(extractCustomerQuote('I said we can deliver in two weeks')).toBeNull();
    expect(extractCustomerQuote('I told them "our platform does it all"')).toBeNull();
  });

  it('ignores negated speech and questions about what they said', () => {
    expect(extractCustomerQuote("they didn't say anything about budget")).toBeNull();
    expect(extractCustomerQuote('what did they say about the timeline?')).toBeNull();
    expect(extractCustomerQuote('what constraints have they mentioned so far?')).toBeNull();
  });

  it('needs a clause after topic verbs ("mentioned SSO" names a topic, not their words)', () => {
    expect(extractCustomerQuote('Their IT team mentioned SSO on the call')).toBeNull();
    expect(extractCustomerQuote("Their IT team mentioned they're moving to Azure")?.quote).toBe(
      "they're moving to Azure",
    );
  });

  it('reads "<Name>:" and "<Role>:" lines, keeping only customer lines of a transcript', () => {
    const found = extractCustomerQuote('Dana (CFO): we have no budget until July\nMe: understood');
    expect(found).toMatchObject({ form: 'name_colon', quote: 'we have no budget until July' });
    expect(found?.reason).toContain('Dana (CFO)');
  });

  it('does not read labels or people addressed by name as quotes', () => {
    expect(extractCustomerQuote('Note: we need to update the CRM')).toBeNull();
    expect(extractCustomerQuote('Tom: can you send the SOW?')).toBeNull();
    expect(extractCustomerQuote('Next steps: we send the recap')).toBeNull();
  });

  it('reads quotation marks only when someone is named as saying them', () => {
    expect(extractCustomerQuote('"every missed delivery costs us a customer" - Ravi, ops')?.quote).toBe(
      'every missed delivery costs us a customer',
    );
    expect(extractCustomerQuote('"fastest time to value" is our new tagline')).toBeNull();
  });

  it('reads announced quotes: "in their words", "per <Name>:", "quote from the call"', () => {
    expect(extractCustomerQuote('In their words: “nobody trusts the numbers”')?.quote).toBe(
      'nobody trusts the numbers',
    );
    expect(extractCustomerQuote('Per Lena from finance: no new vendors before April')?.quote).toBe(
      'no new vendors before April',
    );
    expect(extractCustomerQuote('Pricing is $30 per seat per month, sending it tonight')).toBeNull();
  });
});
