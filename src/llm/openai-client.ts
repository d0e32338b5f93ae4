import OpenAI from 'openai';
import { z } from 'zod';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

export const fetchSchema = z.custom<typeof globalThis.fetch>((v) => typeof v === 'function');

export const openAIConfigSchema = z.object({
  apiKey: z.string().min(1),
  /** Any OpenAI-compatible endpoint: Azure OpenAI (v1 API), Ollama, vLLM, a local mock. */
  baseURL: z.string().url().nullable().default(null),
  model: z.string().min(1),
  timeoutMs: z.number().int().positive().default(30_000),
  /** The SDK retries 408/409/429/5xx and connection errors with exponential backoff (honours retry-after). */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Upper bound on the reply; null sends no limit (some compatible servers reject the parameter). */
  maxCompletionTokens: z.number().int().positive().nullable().default(4_000),
  /** The transport (proxy, metrics) chosen by the composition root; global fetch when absent. */
  fetch: fetchSchema.optional(),
});
export type OpenAIConfig = z.input<typeof openAIConfigSchema>;
export type ResolvedOpenAIConfig = z.output<typeof openAIConfigSchema>;

/**
 * The official client, configured only from what is passed in: every option the SDK would otherwise read
 * from the environment (base URL, organization, project, webhook secret) is set explicitly.
 */
export function createOpenAIClient(config: OpenAIConfig): OpenAI {
  const c = openAIConfigSchema.parse(config);
  return new OpenAI({
    apiKey: c.apiKey,
    baseURL: c.baseURL ?? DEFAULT_OPENAI_BASE_URL,
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: c.timeoutMs,
    maxRetries: c.maxRetries,
    ...(c.fetch ? { fetch: c.fetch } : {}),
  });
}

/** The configured server for a feature a user waits for (recap, nudge, ask): one retry, then the caller's fallback. */
export function createFallbackClient(config: {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch | undefined;
}): OpenAI {
  return createOpenAIClient({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? null,
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxRetries: 1,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
}
