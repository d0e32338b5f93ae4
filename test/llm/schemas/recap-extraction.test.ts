import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { extractFromNotes } from '../../../src/domain/recap/notes-extractor.js';
import { recapExtractionSchema } from '../../../src/llm/schemas/recap-extraction.js';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
};

/** Every object in a strict structured-output schema lists all its properties as required. */
function objectsMissingRequired(schema: JsonSchema, path = '$'): string[] {
  const missing: string[] = [];
  if (schema.properties) {
    const keys = Object.keys(schema.properties);
    if (keys.some((key) => !schema.required?.includes(key))) missing.push(path);
    for (const key of keys)
      missing.push(...objectsMissingRequired(schema.properties[key]!, `${path}.${key}`));
  }
  if (schema.items) missing.push(...objectsMissingRequired(schema.items, `${path}[]`));
  return missing;
}

describe('recapExtractionSchema', () => {
  it('accepts what the offline extractor produces (same shape for both paths)', () => {
    const offline = extractFromNotes(
      [
        'Driver: "we lose three days per shipment" (Dana)',
        'Constraint: no spend before the freeze',
        'Decision: pick a region by Dec 15 (Dana)',
      ].join('\n'),
      { meetingDate: '2026-11-26' },
    );
    expect(offline.entries).toHaveLength(2);
    expect(recapExtractionSchema.parse(offline)).toEqual(offline);
  });

  it('rejects missing fields, unknown fields and malformed dates', () => {
    const entry = {
      kind: 'driver',
      statement: 's',
      quote: null,
      speaker: null,
      confidence: 'quoted',
      constraintCategory: null,
      cue: null,
    };
    const decision = { title: 't', ownerName: null, dueDate: '2026-12-15' };
    expect(recapExtractionSchema.safeParse({ entries: [entry], decisions: [decision] }).success).toBe(true);
    const { quote: _quote, ...withoutQuote } = entry;
    expect(recapExtractionSchema.safeParse({ entries: [withoutQuote], decisions: [] }).success).toBe(false);
    expect(
      recapExtractionSchema.safeParse({ entries: [{ ...entry, extra: 1 }], decisions: [] }).success,
    ).toBe(false);
    expect(
      recapExtractionSchema.safeParse({ entries: [], decisions: [{ ...decision, dueDate: 'Dec 15' }] })
        .success,
    ).toBe(false);
  });

  it('converts to a strict OpenAI response format with every field required', () => {
    const format = zodResponseFormat(recapExtractionSchema, 'recap_extraction');
    const schema = format.json_schema.schema as JsonSchema;
    expect(format.json_schema.strict).toBe(true);
    expect(objectsMissingRequired(schema)).toEqual([]);
    expect(Object.keys(schema.properties ?? {})).toEqual(['entries', 'decisions']);
  });
});
