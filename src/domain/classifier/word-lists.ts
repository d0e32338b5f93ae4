/**
 * Word lists the offline classifier matches against (case-insensitive regex sources, no flags).
 * Tuned on the `tune` split of test/domain/classifier/labelled-messages.json only.
 */
import type { SuggestedKind } from './types.js';

/** Who can be quoted as the customer side (besides capitalised names, handled in quote.ts). */
export const CUSTOMER_SUBJECT =
  '(?:they|she|he|(?:the |their |our |a )?(?:customer|client|prospect|buyer|champion|economic buyer|exec sponsor|' +
  'cfo|cto|cio|coo|ceo|ciso|dpo|controller|vp(?: of)?(?: [a-z]+)?|head of [a-z]+|director(?: of [a-z]+)?|' +
  '(?:ops|it|sre|finance|procurement|security|legal|sales ops|data) (?:lead|manager|team|director|person)|procurement|legal|ops manager|team))';

/** Verbs that introduce the customer's words. */
export const SPEECH_VERB =
  '(?:(?:literally |actually |also |just |even )?(?:said|says|told (?:us|me|the team|our team)|mentioned|wrote|emailed|replied|' +
  'explained|stressed|insisted|complained|admitted|noted|added|confirmed|pointed out|put it|flagged|shared|warned|repeated|' +
  'kept saying|keep saying|keeps saying|made (?:it )?clear|(?:was|were) (?:pretty |very |super )?clear|quoted))';

/** Prefixes that announce a quote without a speech verb. */
export const QUOTE_PREFIXES = [
  'in (?:their|her|his) (?:own )?words',
  '(?:their|her|his) words',
  'direct quote',
  'verbatim',
  'word for word',
  'and i quote',
  "quote from (?:today's |the |our |yesterday's )?(?:call|meeting|email|demo|workshop)",
  'from (?:their|her|his|the customer|the client)(?:\\s\\w+)? (?:email|message|note|reply|slack)',
  'paraphrasing (?:their|the|her|his) [a-z ]{2,20}',
];

/** Context that says a `>` quote came from the customer side ("from their email"). */
export const CUSTOMER_SOURCE =
  "\\b(?:their|her|his|the customer's|the client's) (?:own )?(?:email|message|note|reply|words|slack|doc)\\b|" +
  '\\b(?:from|on) the (?:call|meeting|workshop)\\b';

/** Words that mean the quote was ours, not the customer's (draft, what I told them). */
export const OUR_SIDE_CUES =
  '\\b(?:i|we) (?:told|said|wrote|sent|replied|pitched|explained|mentioned)\\b|\\bdraft(?:ed)?\\b|\\bmy (?:reply|email|answer|pitch)\\b|' +
  "\\bfor the (?:follow-up|email|reply)\\b|\\bhow does this sound\\b|\\bi'm (?:going to|gonna) (?:send|say)\\b|\\btemplate\\b";

/** A quote made only of these (and no kind keyword) is chit-chat or scheduling, not worth logging. */
export const TRIVIAL_QUOTE =
  '^(?:yes|no|ok(?:ay)?|sure|thanks?(?: you)?|sounds good|great|maybe)\\b.{0,20}$|\\b(?:get back to (?:us|you|me)|circle back|' +
  "send (?:over |us |me )?(?:the|an?|their) |reschedule|calendar invite|she'd send|he'd send|they'd send|will send)\\b";

/** Keyword rules for the kind a quote suggests; first rule with the highest score wins (array order breaks ties). */
export const KIND_KEYWORDS: ReadonlyArray<readonly [SuggestedKind, string]> = [
  [
    'risk',
    '\\b(?:if (?:this|it) fails|blame|burned|risk|worr(?:y|ied)|afraid|nervous|' +
      "don't adopt|doesn't adopt|won't adopt|died|dies|scared|fear|disrupt(?:ing)?|paged)\\b",
  ],
  [
    'constraint',
    "\\b(?:budget|capped|cap|freeze|can't|cannot|can only|won't|must|has to|have to|hard requirement|requirement|policy|" +
      'forbids|legal|compliance|approve|sign off|soc ?2|gdpr|on-prem|in the eu|outside|headcount|capacity|no new|only|' +
      'before the|not moving|3-bid|procurement|table stakes|tenant)\\b',
  ],
  [
    'success_factor',
    '\\b(?:success|win|judge|measure|kpi|metric|target|\\d+ ?%|on-time|by q[1-4]|below|under \\d|from \\d+ \\w+ to \\d|' +
      'hits?|show the board|payback)\\b',
  ],
  [
    'initiative',
    '\\b(?:project|initiative|program|rollout|rolling out|migrat\\w*|planning to|plan the|consolidat\\w*|roadmap|' +
      'opening|new erp|implement\\w*)\\b',
  ],
  [
    'driver',
    '\\b(?:lose|losing|lost|cost\\w*|pain|churn|slow|manual|takes|drowning|spreadsheets|pressure|errors?|missed|' +
      'hate|quit|chasing|trust|need|want|overtime|weekends?|growth|delays?)\\b',
  ],
];
