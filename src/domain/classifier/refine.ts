import type { ClassifierRefiner, ClassifierResult, MessageClassifier } from './types.js';

/**
 * Classifies offline, then lets an optional refiner (e.g. an LLM) revise the result.
 * A refiner that fails or returns an invalid confidence leaves the offline result in place.
 */
export async function classifyWithRefiner(
  text: string,
  classify: MessageClassifier,
  refiner?: ClassifierRefiner,
): Promise<ClassifierResult> {
  const offline = classify(text);
  if (!refiner) return offline;
  try {
    const refined = await refiner(text, offline);
    if (!(refined.confidence >= 0 && refined.confidence <= 1)) return offline;
    return refined;
  } catch {
    return { ...offline, reasons: [...offline.reasons, 'refiner failed; kept the offline result'] };
  }
}
