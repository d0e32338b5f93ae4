import { describe, expect, it } from 'vitest';
import { readCapped } from '../../src/services/slack-file-download.js';

/** A byte stream (BYOB reads, like fetch bodies) that records how many bytes its reader took. */
function byteSource(total: number, chunk = 64 * 1024) {
  let given = 0;
  const stream = new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const request = controller.byobRequest;
      if (given >= total) {
        controller.close();
        request?.respond(0);
        return;
      }
      if (!request?.view) throw new Error('expected a BYOB read');
      const n = Math.min(request.view.byteLength, chunk, total - given);
      new Uint8Array(request.view.buffer, request.view.byteOffset, n).fill(97);
      given += n;
      request.respond(n);
    },
  });
  return { stream, given: () => given };
}

describe('reading a body under a byte cap', () => {
  it('takes no byte past the cap from a byte stream, and refuses a body that reaches it', async () => {
    const source = byteSource(10_000_000);
    const result = await readCapped(source.stream, 800_000);
    expect(result).toMatchObject({ ok: false, bytes: 800_000, chunks: [] });
    expect(source.given()).toBe(800_000);
  });

  it('accepts a body one byte under the cap, whole', async () => {
    const result = await readCapped(byteSource(799_999).stream, 800_000);
    expect(result.ok).toBe(true);
    expect(result.bytes).toBe(799_999);
    expect(Buffer.concat(result.chunks).length).toBe(799_999);
  });

  it('keeps nothing past the cap from a stream without BYOB reads', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1000;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const result = await readCapped(stream, 2_500);
    expect(result).toMatchObject({ ok: false, chunks: [] });
    expect(result.bytes).toBe(3_000);
    expect(pulled).toBeLessThanOrEqual(4_000);
  });
});
