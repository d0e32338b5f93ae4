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

/** Customer reactions reported without their words: never a pitch, never a quote. */
export const REACTION_VERBS =
  '(?:asked (?:for|about|whether|if)|pushed back|want(?:s|ed)? (?:a|to see|pricing)|requested|liked|loved|hated)';

/** Negation right before a speech verb ("they didn't say", "never mentioned"). */
export const SPEECH_NEGATION = "(?:didn't|did not|never|haven't|hasn't|have not|has not|won't|nobody|no one)";

/** A quote made only of these (and no kind keyword) is chit-chat or scheduling, not worth logging. */
export const TRIVIAL_QUOTE =
  '^(?:yes|no|ok(?:ay)?|sure|thanks?(?: you)?|sounds good|great|maybe)\\b.{0,20}$|\\b(?:get back to (?:us|you|me)|circle back|' +
  "send (?:over |us |me )?(?:the|an?|their) |reschedule|calendar invite|she'd send|he'd send|they'd send|will send)\\b";

/** Prescribing phrases: [name shown in reasons, regex source, weight]. */
export const PRESCRIBING_PHRASES: ReadonlyArray<readonly [string, string, number]> = [
  [
    'our <product> can',
    '\\bour (?:[a-z0-9-]+ ){0,2}(?:platform|product|solution|tool|software|app|api|suite|module|integration|service|' +
      "assistant|network|dashboard|engine)s?(?: with [a-z0-9]+)? (?:can(?!'t|not)|will(?! not)|does(?!n't| not)|handles|solves|gives|lets|" +
      'replaces|automates|reduces|cuts|helps|makes|is (?:a |the )?(?:perfect|best|ideal|great))',
    1,
  ],
  ['our <product> is a fit', '\\b(?:perfect|great|ideal) fit for (?:our|the) ', 1],
  ['best-in-class', '\\bbest[- ]in[- ]class\\b', 0.8],
  ['out of the box', '\\bout of the box\\b', 0.6],
  ['you should', "\\byou (?:should|need to|have to|must|'ll want to|will want to|really should)\\b", 0.9],
  [
    'have you considered',
    "\\b(?:have you considered|did you know|wouldn't it be great|imagine if you)\\b",
    1,
  ],
  [
    'recommend',
    "\\b(?:i'd|i would|we'd|we would|i|we) (?:recommend|suggest)\\b|\\brecommend we (?:pitch|offer|propose|go)",
    0.9,
  ],
  ['let me show you', '\\blet me (?:show|walk) (?:you|them)\\b', 1],
  ['demo them', '\\b(?:demo them|give them a demo|show them (?:a |the |our )?(?:demo|live demo|how our))', 1],
  ['show them our', "\\b(?:i'll|let's|we'll|we should|i will) show them (?:how|our|the)\\b", 0.9],
  [
    'we should pitch',
    "\\b(?:we should|let's|let us|we'll|i'll|i'm going to|i will|we need to) (?:just )?(?:pitch|push|position|lead with|offer|" +
      'propose|upsell|bundle|sell|quote|price|send (?:them )?(?:the )?(?:pricing|proposal))\\b',
    1,
  ],
  ['position it as', '\\bposition (?:the|our|us|it|them) .{0,40}\\bas (?:the|a|an)\\b', 0.9],
  ['pitch it', '\\b(?:pitch (?:it|them|the)|upsell|cross-sell)\\b', 0.7],
  [
    'they need our',
    '\\bthey (?:need|want) (?:our|the [a-z]+ (?:module|plan|tier|add-on|suite|pack|bundle))\\b|' +
      '\\bthey should (?:just )?(?:go with|buy|get|use|switch to|move to)\\b',
    0.8,
  ],
  [
    'what they need is',
    '\\b(?:what they need is|the (?:answer|fix|solution) is|the best option for (?:them|you) is)\\b',
    1,
  ],
  [
    'solves their',
    '\\b(?:solves|fixes|will solve|will fix|can solve|can fix|we can solve|we can fix) (?:their|your|the)\\b',
    0.8,
  ],
  ['we can fix', '\\bwe can (?:fix|solve|automate|cut|save|help them)\\b', 0.9],
  [
    'discount',
    '\\b\\d{1,2} ?% (?:off|discount)\\b|\\b(?:knock|take) \\d{1,2} ?% off\\b|\\boffer (?:a |them )?(?:\\d{1,2} ?% )?discount',
    1,
  ],
  [
    'price point',
    '\\$\\s?\\d[\\d,.]*k?\\b|\\bper (?:seat|user|month)\\b|\\blist price\\b|\\bat list\\b',
    0.7,
  ],
  [
    'pricing pitch',
    '\\b(?:pricing (?:is|slide|sheet)|enterprise (?:tier|plan|pricing)|pro tier|growth plan|premium bundle)\\b',
    0.6,
  ],
  [
    'pays for itself',
    '\\b(?:pays? for itself|pay for itself|pays? back|roi (?:calculator|of)|\\dx return)\\b',
    0.8,
  ],
  [
    'my pitch',
    "\\b(?:my pitch|here's (?:my|the) pitch|that's the angle|that'll sell it|that should close it)\\b",
    0.9,
  ],
];

/** Negations that turn a prescribing phrase into listening ("we shouldn't pitch yet"). */
export const PRESCRIBING_NEGATION =
  "\\b(?:shouldn't|should not|don't|do not|not|never|no|let's not|hold off(?: on)?|avoid|too early to|before we|" +
  "skip|without|stop|won't|isn't|aren't|can't|until)\\b";

/** Listening on purpose: a prescription the author holds back ("we shouldn't pitch yet"). */
export const HELD_BACK_PRESCRIPTION =
  "\\b(?:shouldn't|should not|don't|do not|let's not|not|never|hold off on|too early to|before we|no need to|skip)" +
  ' (?:\\w+ ){0,2}?(?:pitch|pitching|propose|proposing|demo|pricing|price|prescrib\\w*|sell|selling|recommend)\\w*\\b';

/** Openers of a question to the team or the bot. */
export const QUESTION_OPENERS =
  "^(?:what|what's|whats|who|who's|whom|whose|when|where|why|how|which|do|does|did|is|are|was|were|can|could|should|" +
  'shall|would|will|has|have|any (?:idea|news|update)|anyone|anybody|has anyone|thoughts)\\b';

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
