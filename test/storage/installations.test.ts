import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/storage/connect.js';
import { tokenCipher } from '../../src/storage/crypto/token-cipher.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/ports.js';
import { testEngines } from '../support/databases.js';

const TOKEN = 'xoxb-111-222-SECRETVALUEOFTHETOKEN';
const installation = (teamId: string | null, enterpriseId: string | null) =>
  JSON.stringify({
    team: teamId ? { id: teamId } : undefined,
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    bot: { token: TOKEN },
  });

describe('token cipher (AES-256-GCM)', () => {
  const cipher = tokenCipher(randomBytes(32));

  it('opens what it sealed, with a fresh IV each time', () => {
    const a = cipher.seal(TOKEN, 'installation::T1');
    expect(a).not.toContain('SECRETVALUE');
    expect(cipher.seal(TOKEN, 'installation::T1')).not.toBe(a);
    expect(cipher.open(a, 'installation::T1')).toBe(TOKEN);
  });

  it('refuses another context, another key, and any altered byte', () => {
    const sealed = cipher.seal(TOKEN, 'installation::T1');
    expect(() => cipher.open(sealed, 'installation::T2')).toThrow();
    expect(() => tokenCipher(randomBytes(32)).open(sealed, 'installation::T1')).toThrow();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    expect(() =>
      cipher.open([...parts.slice(0, 3), body.toString('base64')].join(':'), 'installation::T1'),
    ).toThrow();
  });
});

describe.each(testEngines())('installations on $name', (engine) => {
  const open: Array<{ close(): Promise<void> }> = [];
  let drop: () => Promise<void> = async () => {};
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await drop();
  });

  async function storageWith(
    key: Buffer | undefined,
    config: Awaited<ReturnType<typeof engine.create>>['config'],
  ) {
    const storage: Storage = await openStorage(config, key ? { tokenEncryptionKey: key } : {});
    open.push(storage);
    return storage;
  }

  it('stores sealed rows per enterprise and team, finds, lists and deletes them', async () => {
    const created = await engine.create();
    drop = created.drop;
    const key = randomBytes(32);
    const { repos } = await storageWith(key, created.config);
    await repos.installations.save({
      key: { enterpriseId: null, teamId: 'T1' },
      isEnterpriseInstall: false,
      botUserId: 'UB1',
      json: installation('T1', null),
    });
    await repos.installations.save({
      key: { enterpriseId: 'E1', teamId: null },
      isEnterpriseInstall: true,
      botUserId: 'UB2',
      json: installation(null, 'E1'),
    });
    await repos.installations.save({
      key: { enterpriseId: 'E1', teamId: 'T2' },
      isEnterpriseInstall: false,
      botUserId: 'UB3',
      json: installation('T2', 'E1'),
    });

    expect(
      JSON.parse((await repos.installations.find({ enterpriseId: null, teamId: 'T1' }))!.json).bot.token,
    ).toBe(TOKEN);
    expect((await repos.installations.find({ enterpriseId: 'E1', teamId: null }))!.isEnterpriseInstall).toBe(
      true,
    );
    expect(await repos.installations.find({ enterpriseId: null, teamId: 'T2' })).toBeNull();
    expect(await repos.installations.list()).toEqual([
      { enterpriseId: null, teamId: 'T1', isEnterpriseInstall: false },
      { enterpriseId: 'E1', teamId: null, isEnterpriseInstall: true },
      { enterpriseId: 'E1', teamId: 'T2', isEnterpriseInstall: false },
    ]);

    const raw = connect(created.config);
    const rows = await raw.db.selectFrom('installations').select('sealed').execute();
    await raw.db.destroy();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.sealed).not.toContain('SECRETVALUE');

    expect(await repos.installations.deleteTeam('T2')).toBe(1);
    expect(await repos.installations.delete({ enterpriseId: 'E1', teamId: null })).toBe(1);
    expect((await repos.installations.list()).map((r) => r.teamId)).toEqual(['T1']);
  });

  it('a wrong key cannot open the tokens, and without a key nothing is stored', async () => {
    const created = await engine.create();
    drop = created.drop;
    const first = await storageWith(randomBytes(32), created.config);
    await first.repos.installations.save({
      key: { enterpriseId: null, teamId: 'T1' },
      isEnterpriseInstall: false,
      botUserId: null,
      json: installation('T1', null),
    });
    const other = await storageWith(randomBytes(32), created.config);
    await expect(other.repos.installations.find({ enterpriseId: null, teamId: 'T1' })).rejects.toThrow();
    const keyless = await storageWith(undefined, created.config);
    await expect(
      keyless.repos.installations.save({
        key: { enterpriseId: null, teamId: 'T9' },
        isEnterpriseInstall: false,
        botUserId: null,
        json: '{}',
      }),
    ).rejects.toThrow(/SLACK_TOKEN_ENCRYPTION_KEY/);
  });
});
