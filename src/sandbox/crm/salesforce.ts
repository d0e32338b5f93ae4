import { createVerify, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../emulator/http.js';
import { authorizationCodeProblem } from './salesforce-oauth.js';
import { parseSoql, runSoql } from './soql.js';
import { type SalesforceState, type SfRecord, sfTime } from './state.js';

const ORG_ID = '00D000000000001AAA';
const USER_ID = '005000000000001AAA';
const ID_PREFIX: Record<string, string> = {
  ContentNote: '069',
  ContentDocumentLink: '06A',
  Task: '00T',
  Opportunity: '006',
};
const WRITABLE = new Set(['ContentNote', 'ContentDocumentLink', 'Task', 'Opportunity']);

const error = (res: ServerResponse, status: number, errorCode: string, message: string) =>
  sendJson(res, status, [{ message, errorCode, fields: [] }]);

function verifyAssertion(state: SalesforceState, assertion: string, audience: string): string | null {
  const [header, claims, signature] = assertion.split('.');
  if (!header || !claims || !signature) return 'invalid assertion';
  let body: { iss?: string; sub?: string; aud?: string; exp?: number };
  try {
    body = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
  } catch {
    return 'invalid assertion';
  }
  if (body.iss !== state.clientId) return 'invalid client credentials';
  if (body.sub !== state.username) return "user hasn't approved this consumer";
  if (body.aud !== audience) return 'audience is invalid';
  if (state.jwtPublicKey) {
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${claims}`);
    if (!verifier.verify(state.jwtPublicKey, Buffer.from(signature, 'base64url'))) return 'invalid signature';
  }
  return null;
}

/** POST /services/oauth2/token: JWT bearer, authorization code (PKCE) and refresh-token grants, with the identity URL jsforce parses. */
export function salesforceToken(
  state: SalesforceState,
  res: ServerResponse,
  form: Record<string, string>,
  origin: string,
) {
  state.tokenRequests++;
  const grant = form.grant_type;
  let refreshToken: string | null = null;
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    const problem = verifyAssertion(state, form.assertion ?? '', origin);
    if (problem) return sendJson(res, 400, { error: 'invalid_grant', error_description: problem });
  } else if (grant === 'authorization_code') {
    const problem = authorizationCodeProblem(state, form);
    if (problem) return sendJson(res, 400, { error: 'invalid_grant', error_description: problem });
    refreshToken = `5Aep861${randomBytes(24).toString('base64url')}`;
    state.refreshTokens.add(refreshToken);
  } else if (grant === 'refresh_token') {
    if (form.client_id !== state.clientId) {
      return sendJson(res, 400, {
        error: 'invalid_client_id',
        error_description: 'client identifier invalid',
      });
    }
    if (!state.refreshTokens.has(form.refresh_token ?? '')) {
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'expired access/refresh token',
      });
    }
  } else {
    return sendJson(res, 400, {
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  }
  const accessToken = `${ORG_ID}!${randomBytes(24).toString('base64url')}`;
  state.accessTokens.add(accessToken);
  const from = refreshToken ?? (grant === 'refresh_token' ? (form.refresh_token ?? null) : null);
  if (from) state.issuedFrom.set(accessToken, from);
  return sendJson(res, 200, {
    access_token: accessToken,
    instance_url: origin,
    id: `${origin}/id/${ORG_ID}/${USER_ID}`,
    token_type: 'Bearer',
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    issued_at: String(Date.now()),
    signature: randomBytes(32).toString('base64'),
  });
}

/** /services/data/vXX.X/...: query, sobject read/describe/create/update, with limits, 401 and 412. */
export function salesforceData(
  state: SalesforceState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
  body: Record<string, unknown>,
  now: () => Date,
  base: string,
) {
  const token = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!state.accessTokens.has(token)) {
    return error(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  }
  state.apiUsage.used++;
  res.setHeader('Sforce-Limit-Info', `api-usage=${state.apiUsage.used}/${state.apiUsage.limit}`);
  if (state.apiUsage.used > state.apiUsage.limit) {
    return error(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  }
  const method = req.method ?? 'GET';
  if (path === '/query' && method === 'GET') {
    const parsed = parseSoql(search.get('q') ?? '');
    const records = parsed ? runSoql(parsed, state.tables, base) : null;
    if (!records) return error(res, 400, 'MALFORMED_QUERY', 'unexpected token');
    return sendJson(res, 200, { totalSize: records.length, done: true, records });
  }
  const [, object = '', id, rest] = /^\/sobjects\/(\w+)(?:\/([\w]+))?(\/describe)?$/.exec(path) ?? [];
  if (!object) return error(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
  const table = state.tables[object];
  if (!table) return error(res, 404, 'NOT_FOUND', `sObject type '${object}' is not supported.`);
  if (id === 'describe' || rest) return sendJson(res, 200, describe(object, table));
  if (method === 'GET' && id) {
    const record = table.get(id);
    if (!record) return error(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const fields = search.get('fields')?.split(',') ?? Object.keys(record);
    return sendJson(res, 200, {
      attributes: { type: object, url: `${base}/sobjects/${object}/${id}` },
      ...Object.fromEntries(fields.map((f) => [f, record[f] ?? null])),
    });
  }
  if (!WRITABLE.has(object) || state.readOnlyObjects.has(object)) {
    return error(res, 400, 'INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id`);
  }
  const fields = body as SfRecord;
  for (const rule of state.validationRules) {
    const message = rule(object, fields);
    if (message) return error(res, 400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message);
  }
  if (method === 'PATCH' && id) {
    const record = table.get(id);
    if (!record) return error(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const condition = req.headers['if-unmodified-since'];
    if (typeof condition === 'string') {
      const modified = Date.parse(String(record.LastModifiedDate).replace('+0000', 'Z'));
      if (modified > Date.parse(condition)) {
        return error(
          res,
          412,
          'PRECONDITION_FAILED',
          'The entity has been modified since the specified date',
        );
      }
    }
    table.set(id, { ...record, ...fields, LastModifiedDate: sfTime(now()) });
    res.writeHead(204).end();
    return;
  }
  if (method === 'POST' && !id) {
    if (object === 'Task' && fields.WhatId && !state.tables.Opportunity?.has(String(fields.WhatId))) {
      return error(res, 400, 'FIELD_INTEGRITY_EXCEPTION', 'Related To ID: id value of incorrect type');
    }
    if (
      object === 'ContentDocumentLink' &&
      !state.tables.ContentNote?.has(String(fields.ContentDocumentId))
    ) {
      return error(res, 400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    const newId = `${ID_PREFIX[object] ?? '000'}${String(state.nextId++).padStart(12, '0')}AAA`;
    table.set(newId, { ...fields, Id: newId, CreatedDate: sfTime(now()), LastModifiedDate: sfTime(now()) });
    return sendJson(res, 201, { id: newId, success: true, errors: [] });
  }
  return error(res, 405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed.`);
}

function describe(object: string, table: Map<string, SfRecord>) {
  const sample = table.values().next().value ?? {};
  const readOnly = new Set(['Id', 'LastModifiedDate', 'CreatedDate']);
  const typeOf = (name: string, value: unknown) =>
    name.endsWith('Id')
      ? 'reference'
      : typeof value === 'number'
        ? 'currency'
        : name.endsWith('Date')
          ? 'date'
          : name === 'StageName'
            ? 'picklist'
            : name.endsWith('__c') || name === 'Description'
              ? 'textarea'
              : 'string';
  return {
    name: object,
    fields: Object.keys(sample).map((name) => ({
      name,
      label: name.replace(/__c$/, '').replace(/_/g, ' '),
      type: typeOf(name, sample[name]),
      updateable: !readOnly.has(name),
    })),
  };
}
