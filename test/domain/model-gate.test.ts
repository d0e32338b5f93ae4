import { describe, expect, it } from 'vitest';
import { createModelGate, withModelSlot } from '../../src/domain/model-gate.js';

describe('model gate', () => {
  it('refuses beyond the per-user limit, then beyond the global limit, and frees slots on release', () => {
    const gate = createModelGate({ global: 3, perUser: 2 });
    const a1 = gate.tryEnter('T1', 'UA');
    const a2 = gate.tryEnter('T1', 'UA');
    expect(a1 && a2).toBeTruthy();
    expect(gate.tryEnter('T1', 'UA')).toBeNull();
    // The same user id in another team is another person.
    const other = gate.tryEnter('T2', 'UA');
    expect(other).toBeTruthy();
    expect(gate.tryEnter('T1', 'UB')).toBeNull();
    expect(gate.active).toBe(3);
    a1!();
    a1!(); // a second release changes nothing
    expect(gate.active).toBe(2);
    expect(gate.tryEnter('T1', 'UB')).toBeTruthy();
    expect(gate.tryEnter('T1', 'UA')).toBeNull();
  });

  it('withModelSlot releases when the work throws, and does not run work when busy', async () => {
    const gate = createModelGate({ global: 1, perUser: 1 });
    await expect(
      withModelSlot(gate, 'T1', 'UA', async () => {
        throw new Error('model down');
      }),
    ).rejects.toThrow('model down');
    expect(gate.active).toBe(0);
    const hold = gate.tryEnter('T1', 'UA');
    let ran = false;
    const busy = await withModelSlot(gate, 'T1', 'UB', async () => {
      ran = true;
    });
    expect(busy).toEqual({ busy: true });
    expect(ran).toBe(false);
    hold!();
    expect(await withModelSlot(gate, 'T1', 'UB', async () => 42)).toEqual({ busy: false, value: 42 });
  });

  it('refuses limits below one', () => {
    expect(() => createModelGate({ global: 0, perUser: 1 })).toThrow(RangeError);
  });
});
