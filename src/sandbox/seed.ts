import type { BotIdentity } from './emulator/state.js';
import type { SlackChannel, SlackTeam, SlackUser } from './emulator/types.js';

/** Everything a fresh emulated workspace starts with. */
export interface WorkspaceSeed {
  team: SlackTeam;
  bot: BotIdentity;
  users: SlackUser[];
  channels: Array<Partial<SlackChannel> & Pick<SlackChannel, 'id' | 'name' | 'members'>>;
}

export const DEMO_IDS = {
  team: 'T0LOCAL',
  app: 'A0LOCAL',
  botUser: 'U0BOT',
  bot: 'B0BOT',
  rep: 'U0REP',
  manager: 'U0MGR',
  engineer: 'U0SE',
  general: 'C0GENERAL',
  dealAcme: 'C0DEALACME',
  dealGlobex: 'C0DEALGLOBEX',
} as const;

const human = (id: string, name: string, realName: string, tz: string, tzLabel: string, tzOffset: number) =>
  ({
    id,
    name,
    realName,
    tz,
    tzLabel,
    tzOffset,
    isBot: false,
    email: `${name}@example.com`,
  }) satisfies SlackUser;

/**
 * Demo workspace "Local Demo": a rep (New York), a manager (London, a workspace admin), a sales engineer (Los Angeles), the bot,
 * #general (bot NOT a member), #deal-acme (bot a member) and #deal-globex (bot NOT a member).
 */
export const DEMO_SEED: WorkspaceSeed = {
  team: { id: DEMO_IDS.team, name: 'Local Demo', domain: 'local-demo' },
  bot: { userId: DEMO_IDS.botUser, botId: DEMO_IDS.bot, appId: DEMO_IDS.app, name: 'shared-vision' },
  users: [
    human(DEMO_IDS.rep, 'riley.rep', 'Riley Rep', 'America/New_York', 'Eastern Standard Time', -18000),
    {
      ...human(
        DEMO_IDS.manager,
        'morgan.manager',
        'Morgan Manager',
        'Europe/London',
        'Greenwich Mean Time',
        0,
      ),
      isAdmin: true,
    },
    human(
      DEMO_IDS.engineer,
      'sam.engineer',
      'Sam Engineer',
      'America/Los_Angeles',
      'Pacific Standard Time',
      -28800,
    ),
    {
      id: DEMO_IDS.botUser,
      name: 'shared-vision',
      realName: 'Shared Vision',
      tz: 'America/Los_Angeles',
      tzLabel: 'Pacific Standard Time',
      tzOffset: -28800,
      isBot: true,
      botId: DEMO_IDS.bot,
    },
  ],
  channels: [
    {
      id: DEMO_IDS.general,
      name: 'general',
      members: [DEMO_IDS.rep, DEMO_IDS.manager, DEMO_IDS.engineer],
      purpose: 'Company-wide announcements',
    },
    {
      id: DEMO_IDS.dealAcme,
      name: 'deal-acme',
      members: [DEMO_IDS.rep, DEMO_IDS.manager, DEMO_IDS.engineer, DEMO_IDS.botUser],
      topic: 'Acme Corp - platform rollout',
    },
    {
      id: DEMO_IDS.dealGlobex,
      name: 'deal-globex',
      members: [DEMO_IDS.rep, DEMO_IDS.manager],
      topic: 'Globex - analytics pilot',
    },
  ],
};

/** A copy of a seed with another team id (same users and channels). */
export function seedForTeam(seed: WorkspaceSeed, teamId: string): WorkspaceSeed {
  return { ...seed, team: { ...seed.team, id: teamId } };
}
