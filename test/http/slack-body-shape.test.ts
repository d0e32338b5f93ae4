import { HTTPModuleFunctions } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { checkSlackBodyShape } from '../../src/http/slack-body-guard.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** What Bolt's own parser makes of the body: 'object', 'not an object', or 'throws'. */
function boltVerdict(body: string, contentType: string): string {
  try {
    const parsed: unknown = HTTPModuleFunctions.parseHTTPRequestBody({
      rawBody: Buffer.from(body),
      headers: { 'content-type': contentType },
    } as unknown as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? 'object'
      : 'not an object';
  } catch {
    return 'throws';
  }
}

const cases: [string, string][] = [
  ['{"type":"event_callback"}', JSON_TYPE],
  [' \r\n\t{"type":"event_callback"}', JSON_TYPE],
  ['{"type":', JSON_TYPE],
  ['\uFEFF{"type":"event_callback"}', JSON_TYPE],
  [' [1]', JSON_TYPE],
  ['\n null', JSON_TYPE],
  ['"{"', JSON_TYPE],
  ['', JSON_TYPE],
  ['   ', JSON_TYPE],
  ['command=%2Fvision&text=help', FORM],
  ['', FORM],
  ['payload=%7B%22type%22%3A%22block_actions%22%7D', FORM],
  ['payload=%20%0A%7B%22type%22%3A1%7D', FORM],
  ['payload=%7B', FORM],
  ['payload=null', FORM],
  ['%70ayload=null', FORM],
  ['payload=%5B%5D&payload=%7B%7D', FORM],
  ['text=payload%3Dnull', FORM],
  ['payload=%20%5B%5D', FORM],
  ['{"a":1}', 'application/json; charset=utf-8'],
  ['[1]', 'text/plain'],
];

describe('checkSlackBodyShape', () => {
  it.each(cases)('agrees with Bolt on %j (%s)', (body, contentType) => {
    const verdict = checkSlackBodyShape(Buffer.from(body), contentType);
    // Refused exactly when Bolt would parse it to something other than an object; bodies Bolt cannot parse go on
    // to Bolt, which answers 401 or 400 itself.
    expect(verdict.ok).toBe(boltVerdict(body, contentType) !== 'not an object');
  });

  it('refuses with 400 and says what the body was', () => {
    expect(checkSlackBodyShape(Buffer.from(' [1]'), JSON_TYPE)).toEqual({
      ok: false,
      status: 400,
      reason: 'body is an array, not an object',
    });
    expect(checkSlackBodyShape(Buffer.from('%70ayload=null'), FORM)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('does not parse a large JSON object to judge it', () => {
    const big = `{"type":"view_submission","view":{"state":"${'x'.repeat(2_000_000)}"}}`;
    const parse = JSON.parse;
    let parsedChars = 0;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      parsedChars += text.length;
      return parse(text, reviver);
    }) as typeof JSON.parse;
    try {
      expect(checkSlackBodyShape(Buffer.from(`payload=${encodeURIComponent(big)}`), FORM).ok).toBe(true);
      expect(checkSlackBodyShape(Buffer.from(big), JSON_TYPE).ok).toBe(true);
    } finally {
      JSON.parse = parse;
    }
    expect(parsedChars).toBe(0);
  });
});

describe('checkSlackBodyShape on forms, against Bolt', () => {
  const encodings = (c: string) => [
    c,
    `%${c.charCodeAt(0).toString(16)}`,
    `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  ];
  const values = ['null', '%5B%5D', '42', '%7B%7D', '%20%7B%22a%22%3A1%7D', 'x', ''];

  it('agrees on every spelling of the payload key, wherever it is in the form', () => {
    let checked = 0;
    for (const p of encodings('p'))
      for (const y of encodings('y'))
        for (const d of encodings('d'))
          for (const value of values)
            for (const form of [
              `${p}a${y}load=${value}`,
              `command=%2Fvision&${p}a${y}loa${d}=${value}`,
              `text=a%26${p}ayload%3D${value}`,
              `${p}ayload${d}=${value}`,
              `x${p}ayload=${value}`,
            ]) {
              const verdict = checkSlackBodyShape(Buffer.from(form), FORM);
              expect(verdict.ok, form).toBe(boltVerdict(form, FORM) !== 'not an object');
              checked++;
            }
    expect(checked).toBe(27 * values.length * 5);
  });

  it('agrees on random forms built from the characters that matter', () => {
    const alphabet = [
      'p',
      'a',
      'y',
      'l',
      'o',
      'd',
      '=',
      '&',
      '%70',
      '%61',
      '%5B',
      '%5D',
      'null',
      '1',
      '+',
      '%',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 5_000; i++) {
      const length = 1 + (next() % 14);
      const form = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const verdict = checkSlackBodyShape(Buffer.from(form), FORM);
      expect(verdict.ok, form).toBe(boltVerdict(form, FORM) !== 'not an object');
    }
  });
});
