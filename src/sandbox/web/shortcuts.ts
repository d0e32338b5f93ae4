import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export interface MessageShortcut {
  callbackId: string;
  name: string;
}

const manifestSchema = z.object({
  display_information: z.object({ name: z.string() }).optional(),
  features: z
    .object({
      bot_user: z.object({ display_name: z.string() }).optional(),
      shortcuts: z
        .array(z.object({ name: z.string(), type: z.string(), callback_id: z.string() }))
        .optional(),
    })
    .optional(),
});

export interface ManifestInfo {
  messageShortcuts: MessageShortcut[];
  botDisplayName: string;
}

const MANIFEST_URL = new URL('../../../manifests/manifest.json', import.meta.url);

/** The message shortcuts and bot name declared in the app manifest, as Slack would offer them. */
export async function readManifestInfo(url: URL = MANIFEST_URL): Promise<ManifestInfo> {
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(url, 'utf8')));
    return {
      messageShortcuts: (manifest.features?.shortcuts ?? [])
        .filter((s) => s.type === 'message')
        .map((s) => ({ callbackId: s.callback_id, name: s.name })),
      botDisplayName: manifest.features?.bot_user?.display_name ?? 'Vision',
    };
  } catch {
    return { messageShortcuts: [], botDisplayName: 'Vision' };
  }
}
