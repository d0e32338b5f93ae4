import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmProvider } from '../../src/domain/crm/types.js';
import { refreshTeamCrmLinks } from '../../src/services/crm/link.js';
import { CRM_IDS } from '../../src/slack/views/crm-ids.js';
import { type CrmWorld, oauthCrmConfig, setUpAcmeLinkedTo, startCrmWorld } from '../support/crm-fixtures.js';
import { everything } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const OPP = '006000000000001AAA';
const LABEL: Record<CrmProvider, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

describe('/vision crm disconnect end to end: confirm, revoke at the CRM, tokens deleted, links kept read-only', () => {
  let world: CrmWorld;
  let t: TestApp;
  beforeAll(async () => {
    world = await startCrmWorld();
    world.time.ms = Date.now();
    t = await startTestApp({ crm: oauthCrmConfig(world) });
  });
  afterAll(async () => {
    await t?.close();
    await world?.close();
  });

  const sf = () => world.emulator.state.salesforce;
  const hs = () => world.emulator.state.hubspot;
  const ephemeralsOf = (userId: string) => t.emulator.state.ephemeralsFor(userId, t.ids.dealAcme);

  /** Runs a command and waits for the first new private message that matches. */
  async function command(userId: string, text: string, pattern: RegExp) {
    const before = ephemeralsOf(userId).length;
    await t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text });
    return waitFor(`a reply to "${text}" matching ${pattern}`, () =>
      ephemeralsOf(userId)
        .slice(before)
        .find((m) => pattern.test(everything(m))),
    );
  }

  /** The admin's whole connect flow: link in Slack, our connect route, the CRM's consent, our callback. */
  async function connect(provider: CrmProvider) {
    const message = await command(t.ids.manager, `crm connect ${provider}`, /\|Connect /);
    const link = new RegExp(`<(http[^|>]+)\\|Connect ${LABEL[provider]}>`).exec(message.text)?.[1] ?? '';
    const start = await fetch(link, { redirect: 'manual' });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const done = await fetch(approved.headers.get('location') ?? '', {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(await done.text()).toContain(`${LABEL[provider]} is connected`);
  }

  async function link(value: string) {
    await setUpAcmeLinkedTo(t, value);
    const dealId = (await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))?.id ?? -1;
    return waitFor('the link', async () => {
      const found = await t.repos.crm.getLink(t.ids.team, dealId);
      return found && `${found.provider}:${found.recordId}` === value ? found : undefined;
    });
  }

  it('Salesforce: only an admin gets the confirm; Disconnect revokes the refresh token, deletes it here, keeps the link read-only', async () => {
    await connect('salesforce');
    const linked = await link(`salesforce:${OPP}`);
    const refreshToken = [...sf().refreshTokens].at(-1) ?? '';
    expect(refreshToken).not.toBe('');

    await command(
      t.ids.rep,
      'crm disconnect salesforce',
      /Only a Slack workspace admin or owner can disconnect/,
    );
    expect(await t.repos.crm.credentials.get(t.ids.team, 'salesforce')).not.toBeNull();

    // The confirm step says what happens; nothing happens until the button.
    const confirm = await command(
      t.ids.manager,
      'crm disconnect salesforce',
      /Disconnect Salesforce from this workspace\?/,
    );
    const said = everything(confirm);
    expect(said).toContain('revoke its refresh token');
    expect(said).toContain('stay linked, read-only');
    expect(said).toContain('audit log');
    expect(sf().revoked).toEqual([]);
    expect(await t.repos.crm.credentials.get(t.ids.team, 'salesforce')).not.toBeNull();

    await t.driver.clickButton(confirm.ts, CRM_IDS.disconnect, t.ids.manager);
    await waitFor('the confirm replaced by the outcome', () =>
      ephemeralsOf(t.ids.manager).find(
        (m) => m.ts === confirm.ts && m.text.startsWith('Salesforce is disconnected from this workspace'),
      ),
    );
    const outcome = ephemeralsOf(t.ids.manager).find((m) => m.ts === confirm.ts);
    expect(outcome?.text).toContain("Salesforce confirmed that the app's access is revoked");
    expect(outcome?.blocks ?? []).toEqual([]);
    expect(sf().revoked).toEqual([refreshToken]);
    expect(sf().refreshTokens.has(refreshToken)).toBe(false);
    // Every session made from that refresh token ended with it.
    expect([...sf().issuedFrom.values()]).not.toContain(refreshToken);
    expect(await t.repos.crm.credentials.get(t.ids.team, 'salesforce')).toBeNull();
    expect(t.logs.join('\n')).not.toContain(refreshToken);

    // CRM commands now say it is not connected and how to reconnect, without calling Salesforce.
    const calls = sf().tokenRequests;
    await command(
      t.ids.rep,
      'crm refresh',
      /Salesforce is not connected to this workspace.*\/vision crm connect salesforce/,
    );
    await command(t.ids.rep, 'crm send', /Salesforce is not connected to this workspace/);
    const shown = await command(t.ids.rep, 'crm', /Salesforce is not connected/);
    expect(everything(shown)).toContain('Acme - Routing 2027');
    // The panel's own buttons say the same.
    for (const button of [CRM_IDS.refresh, CRM_IDS.send]) {
      const before = ephemeralsOf(t.ids.rep).length;
      await t.driver.clickButton(shown.ts, button, t.ids.rep);
      await waitFor(`the answer to ${button}`, () =>
        ephemeralsOf(t.ids.rep)
          .slice(before)
          .find((m) => m.text.startsWith('Salesforce is not connected to this workspace')),
      );
    }
    // The weekly run's refresh leaves it alone too.
    const crm = t.app.deps.crm;
    if (!crm) throw new Error('no CRM');
    expect(await refreshTeamCrmLinks({ repos: t.repos, crm, clock: () => new Date() }, t.ids.team)).toEqual({
      refreshed: 0,
      failed: 0,
      notConnected: 1,
    });
    expect(sf().tokenRequests).toBe(calls);
    // The link and its last snapshot stay.
    expect(await t.repos.crm.getLink(t.ids.team, linked.dealId)).toMatchObject({ recordId: OPP });

    // A second disconnect has nothing to do.
    await command(
      t.ids.manager,
      'crm disconnect salesforce',
      /not connected to this workspace: there is nothing to disconnect/,
    );

    // Reconnecting picks the same link up again.
    await connect('salesforce');
    await command(t.ids.rep, 'crm refresh', /^Salesforce opportunity: Acme - Routing 2027/);
  });

  it('HubSpot: Disconnect deletes the refresh token at HubSpot (2026-03 revoke) and here; Cancel changes nothing', async () => {
    await connect('hubspot');
    await link('hubspot:9001');
    const refreshToken = [...hs().oauth.refreshTokens].at(-1) ?? '';

    const first = await command(
      t.ids.manager,
      'crm disconnect hubspot',
      /Disconnect HubSpot from this workspace\?/,
    );
    expect(everything(first)).toContain('within 30 minutes');
    await t.driver.clickButton(first.ts, CRM_IDS.disconnectCancel, t.ids.manager);
    await waitFor('the cancelled confirm', () =>
      ephemeralsOf(t.ids.manager).find((m) => m.ts === first.ts && m.text === 'Nothing was disconnected.'),
    );
    expect(await t.repos.crm.credentials.get(t.ids.team, 'hubspot')).not.toBeNull();
    expect(hs().oauth.revoked).toEqual([]);

    const confirm = await command(
      t.ids.manager,
      'crm disconnect hubspot',
      /Disconnect HubSpot from this workspace\?/,
    );
    await t.driver.clickButton(confirm.ts, CRM_IDS.disconnect, t.ids.manager);
    await waitFor('the HubSpot outcome', () =>
      ephemeralsOf(t.ids.manager).find(
        (m) => m.ts === confirm.ts && m.text.includes("HubSpot confirmed that the app's access is revoked"),
      ),
    );
    expect(hs().oauth.revoked).toEqual([refreshToken]);
    expect(hs().oauth.refreshTokens.has(refreshToken)).toBe(false);
    expect(await t.repos.crm.credentials.get(t.ids.team, 'hubspot')).toBeNull();
    const requests = hs().requests;
    await command(
      t.ids.rep,
      'crm refresh',
      /HubSpot is not connected to this workspace.*\/vision crm connect hubspot/,
    );
    expect(hs().requests).toBe(requests);
  });

  it('a CRM that refuses the revocation: tokens are still deleted here and the admin is told where to revoke by hand', async () => {
    await connect('salesforce');
    // Someone already revoked the grant in Salesforce: the revoke endpoint answers 400 invalid_token.
    sf().refreshTokens.clear();
    const confirm = await command(t.ids.manager, 'crm disconnect salesforce', /Disconnect Salesforce/);
    await t.driver.clickButton(confirm.ts, CRM_IDS.disconnect, t.ids.manager);
    const done = await waitFor('the outcome', () =>
      ephemeralsOf(t.ids.manager).find((m) => m.ts === confirm.ts && m.text.includes('did not confirm')),
    );
    expect(done.text).toContain('invalid_token (HTTP 400)');
    expect(done.text).toContain('Connected Apps OAuth Usage');
    expect(await t.repos.crm.credentials.get(t.ids.team, 'salesforce')).toBeNull();
  });
});
