import type { Connection } from 'jsforce';
import type { SalesforceConfig } from '../../config/crm.js';
import type { CrmContact, CrmDealHit, CrmDealSnapshot, CrmField } from '../../domain/crm/types.js';
import { looksLikeEmail } from '../email.js';
import { type DailyAllowance, type LimiterClock, realClock, withBackoff } from '../limiter.js';
import { type CrmAdapter, CrmError, type FieldValue } from '../ports.js';
import type { CrmSessionStore } from '../token-store.js';
import { requestSalesforceToken } from './auth.js';
import { toCrmError } from './errors.js';
import { soqlLike, soqlString, toHttpDate } from './soql.js';

const OPPORTUNITY_ID = /^006[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const MAPPABLE_TYPES = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'url']);

interface OpportunityRow {
  Id: string;
  Name: string;
  StageName: string;
  Amount: number | null;
  CloseDate: string | null;
  LastModifiedDate: string;
  Account: { Name: string } | null;
  Owner: { Id: string; Name: string } | null;
}

interface ContactRoleRow {
  ContactId: string;
  Role: string | null;
  Contact: { Name: string; Email: string | null } | null;
}

export interface SalesforceAdapterOptions {
  config: SalesforceConfig;
  teamId: string;
  sessions: CrmSessionStore;
  allowance: DailyAllowance;
  clock?: LimiterClock;
  now?: () => Date;
}

function checkId(id: string): string {
  if (!OPPORTUNITY_ID.test(id))
    throw new CrmError('not_found', `"${id}" is not a Salesforce opportunity id.`);
  return id;
}

/** Salesforce through jsforce 3 (API version pinned in config), one org per workspace. */
export function salesforceAdapter(options: SalesforceAdapterOptions): CrmAdapter {
  const { config, teamId, sessions, allowance } = options;
  const clock = options.clock ?? realClock;
  const now = options.now ?? (() => new Date());
  let connection: Promise<Connection> | null = null;

  async function connect(): Promise<Connection> {
    let session = await sessions.load(teamId, 'salesforce');
    if (!session || (config.instanceUrl && session.instanceUrl !== new URL(config.instanceUrl).origin)) {
      const fresh = await requestSalesforceToken(config, session?.refreshToken ?? null, now());
      session = {
        ...fresh,
        instanceUrl: config.instanceUrl ? new URL(config.instanceUrl).origin : fresh.instanceUrl,
      };
      await sessions.save(teamId, 'salesforce', session);
    }
    let refreshToken = session.refreshToken;
    // Loaded on first use: jsforce is large, and an install without Salesforce never needs it.
    const { Connection: JsforceConnection } = await import('jsforce');
    const conn = new JsforceConnection({
      version: config.apiVersion,
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      // On 401 INVALID_SESSION_ID jsforce calls this once and replays the request with the new token.
      refreshFn: (c, callback) => {
        requestSalesforceToken(config, refreshToken, now())
          .then(async (token) => {
            refreshToken = token.refreshToken;
            const instanceUrl = config.instanceUrl ? new URL(config.instanceUrl).origin : token.instanceUrl;
            await sessions.save(teamId, 'salesforce', { ...token, instanceUrl });
            c.instanceUrl = instanceUrl;
            callback(undefined, token.accessToken);
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      },
    });
    return conn;
  }

  async function call<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
    return withBackoff(async () => {
      allowance.check();
      connection ??= connect().catch((error: unknown) => {
        connection = null;
        throw error;
      });
      const conn = await connection;
      try {
        return await work(conn);
      } catch (error) {
        throw toCrmError(error);
      } finally {
        const usage = conn.limitInfo.apiUsage;
        if (usage) allowance.record(usage.used, usage.limit);
      }
    }, clock);
  }

  const json = (
    method: 'POST' | 'PATCH',
    url: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => ({
    method,
    url,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

  return {
    provider: 'salesforce',
    accountKey: `salesforce:${teamId}`,

    async getDeal(recordId) {
      const id = checkId(recordId);
      return call(async (conn) => {
        const opp = await conn.query<OpportunityRow>(
          `SELECT Id, Name, StageName, Amount, CloseDate, LastModifiedDate, Account.Name, Owner.Id, Owner.Name FROM Opportunity WHERE Id = '${id}'`,
        );
        const row = opp.records[0];
        if (!row) throw new CrmError('not_found', `No opportunity ${id} in Salesforce (or no access to it).`);
        const roles = await conn.query<ContactRoleRow>(
          `SELECT ContactId, Role, Contact.Name, Contact.Email FROM OpportunityContactRole WHERE OpportunityId = '${id}'`,
        );
        const contacts: CrmContact[] = roles.records.map((r) => ({
          id: r.ContactId,
          name: r.Contact?.Name ?? r.ContactId,
          email: r.Contact?.Email ?? null,
          role: r.Role,
        }));
        const snapshot: CrmDealSnapshot = {
          provider: 'salesforce',
          recordId: row.Id,
          name: row.Name,
          accountName: row.Account?.Name ?? null,
          stage: row.StageName,
          amount: row.Amount,
          currency: null,
          closeDate: row.CloseDate,
          ownerId: row.Owner?.Id ?? null,
          ownerName: row.Owner?.Name ?? null,
          contacts,
          lastModified: new Date(row.LastModifiedDate).toISOString(),
          // The org's own instance (a My Domain host) takes people to the record after they sign in.
          recordUrl: `${new URL(conn.instanceUrl).origin}/lightning/r/Opportunity/${row.Id}/view`,
        };
        return snapshot;
      });
    },

    async searchDeals(query, limit) {
      const term = soqlLike(query.trim());
      if (term === '') return [];
      return call(async (conn) => {
        const result = await conn.query<{ Id: string; Name: string; StageName: string }>(
          `SELECT Id, Name, StageName FROM Opportunity WHERE Name LIKE '%${term}%' ORDER BY LastModifiedDate DESC LIMIT ${Math.min(Math.max(limit, 1), 100)}`,
        );
        return result.records.map((r): CrmDealHit => ({ recordId: r.Id, name: r.Name, stage: r.StageName }));
      });
    },

    async listFields() {
      return call(async (conn) => {
        const described = await conn.sobject('Opportunity').describe();
        return described.fields
          .filter((f) => f.updateable && MAPPABLE_TYPES.has(f.type))
          .map((f): CrmField => ({ name: f.name, label: f.label, type: f.type, updateable: f.updateable }));
      });
    },

    async readField(recordId, field): Promise<FieldValue> {
      const id = checkId(recordId);
      if (!FIELD_NAME.test(field))
        throw new CrmError('validation', `"${field}" is not a Salesforce field name.`);
      return call(async (conn) => {
        const row = await conn.request<Record<string, unknown>>(
          `/sobjects/Opportunity/${id}?fields=${encodeURIComponent(`${field},LastModifiedDate`)}`,
        );
        const value = row[field];
        return {
          value: value === null || value === undefined ? null : String(value),
          lastModified: new Date(String(row.LastModifiedDate)).toISOString(),
        };
      });
    },

    async writeField(recordId, field, value, expectedLastModified) {
      const id = checkId(recordId);
      if (!FIELD_NAME.test(field))
        throw new CrmError('validation', `"${field}" is not a Salesforce field name.`);
      await call((conn) =>
        conn.request(
          json(
            'PATCH',
            `/sobjects/Opportunity/${id}`,
            { [field]: value },
            {
              'If-Unmodified-Since': toHttpDate(expectedLastModified),
            },
          ),
        ),
      );
    },

    async createNote(recordId, title, body) {
      const id = checkId(recordId);
      return call(async (conn) => {
        const note = await conn.request<{ id: string }>(
          json('POST', '/sobjects/ContentNote', {
            Title: title.slice(0, 255),
            Content: Buffer.from(body, 'utf8').toString('base64'),
          }),
        );
        await conn.request(
          json('POST', '/sobjects/ContentDocumentLink', {
            ContentDocumentId: note.id,
            LinkedEntityId: id,
            ShareType: 'V',
            Visibility: 'AllUsers',
          }),
        );
        return note.id;
      });
    },

    async findUserByEmail(email) {
      const address = email.trim();
      if (!looksLikeEmail(address)) return null;
      return call(async (conn) => {
        const found = await conn.query<{ Id: string; Name: string; IsActive?: boolean | null }>(
          `SELECT Id, Name, IsActive FROM User WHERE Email = '${soqlString(address)}' LIMIT 5`,
        );
        const active = found.records.filter((u) => u.IsActive !== false);
        // Two active users with one email is ambiguous: nobody is picked.
        const [only, other] = active;
        return only && !other ? { id: only.Id, name: only.Name } : null;
      });
    },

    async createTask(recordId, task) {
      const id = checkId(recordId);
      return call(async (conn) => {
        const created = await conn.request<{ id: string }>(
          json('POST', '/sobjects/Task', {
            Subject: task.subject.slice(0, 255),
            Description: task.body,
            Status: 'Not Started',
            WhatId: id,
            ...(task.dueDate ? { ActivityDate: task.dueDate } : {}),
            ...(task.contactId ? { WhoId: task.contactId } : {}),
            ...(task.ownerId ? { OwnerId: task.ownerId } : {}),
          }),
        );
        return created.id;
      });
    },
  };
}
