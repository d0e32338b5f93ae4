/**
 * Chat shorthand spelled out before analysis, so "gonna demo" reads like "going to demo" to the tagger.
 * Whole words only; one alternation, no nested quantifiers (linear time).
 */
const SHORTHAND: Record<string, string> = {
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  thru: 'through',
  'w/': 'with',
  'w/o': 'without',
  u: 'you',
  ur: 'your',
  em: 'them',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  prob: 'probably',
  def: 'definitely',
  obv: 'obviously',
  rn: 'right now',
  "demo'd": 'demoed',
  demod: 'demoed',
  "'em": 'them',
  imo: 'in my opinion',
  tbh: 'to be honest',
  fwiw: 'for what it is worth',
  eod: 'end of day',
  eoq: 'end of quarter',
  weds: 'Wednesday',
  tues: 'Tuesday',
  thurs: 'Thursday',
};

const SHORTHAND_RE =
  /(?<![\w'])(gonna|wanna|gotta|tmrw|tmr|tmw|thru|w\/o|w\/|u|ur|em|pls|plz|thx|b4|bc|cuz|prob|def|obv|rn|demo'd|demod|'em|imo|tbh|fwiw|eod|eoq|weds|tues|thurs)(?![\w'])/gi;

export function expandChatShorthand(text: string): string {
  return text.replace(SHORTHAND_RE, (word) => SHORTHAND[word.toLowerCase()] ?? word);
}
