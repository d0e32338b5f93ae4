import trained from './data/model.json' with { type: 'json' };
import { type LinearModel, linearModelSchema } from './model.js';

/** The model trained by `npm run classify:train` from data/corpus/train.jsonl (checked when the module loads). */
export const TRAINED_MODEL: LinearModel = linearModelSchema.parse(trained);
