import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../emulator/http.js';
import { hubspotTokenValid } from './hubspot-oauth.js';
import type { HubSpotState } from './state.js';

const V = '2026-03';
const OWNER_PATH = new RegExp(`^/crm/owners/${V}/(\\d+)$`);
const WINDOW_MS = 10_000;

type Assoc = { to?: { id?: unknown }; types?: { associationTypeId?: unknown }[] };

const hsError = (res: ServerResponse, status: number, category: string, message: string) =>
  sendJson(res, status, { status: 'error', message, correlationId: randomUUID(), category });

/** HubSpot's rolling 10-second limit, answered with its 429 body and headers. */
function rateLimited(state: HubSpotState, res: ServerResponse, now: number): boolean {
  state.recent = state.recent.filter((t) => t > now - WINDOW_MS);
  const over = state.force429 > 0 || state.recent.length >= state.limitPer10s;
  const headers = {
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(WINDOW_MS),
    'X-HubSpot-RateLimit-Max': String(state.limitPer10s),
    'X-HubSpot-RateLimit-Remaining': String(Math.max(0, state.limitPer10s - state.recent.length - 1)),
  };
  if (over) {
    if (state.force429 > 0) state.force429--;
    state.rateLimited++;
    sendJson(
      res,
      429,
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: randomUUID(),
        policyName: 'TEN_SECONDLY_ROLLING',
        groupName: 'publicapi',
      },
      { ...headers, 'Retry-After': '1' },
    );
    return true;
  }
  state.recent.push(now);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  return false;
}

function dealView(id: string, props: Record<string, string | null>, wanted: string[] | null) {
  const names = wanted ?? Object.keys(props);
  return {
    id,
    properties: Object.fromEntries(
      [...names, 'hs_object_id'].map((n) => [n, n === 'hs_object_id' ? id : (props[n] ?? null)]),
    ),
    createdAt: props.createdate ?? props.hs_lastmodifieddate,
    updatedAt: props.hs_lastmodifieddate,
    archived: false,
  };
}

/** Answers HubSpot's date-versioned CRM paths; returns false for anything else. */
export function hubspotApi(
  state: HubSpotState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Record<string, unknown>,
  now: () => Date,
): boolean {
  const path = url.pathname;
  if (!path.startsWith('/crm/')) return false;
  const token = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!hubspotTokenValid(state, token, now().getTime())) {
    hsError(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    return true;
  }
  state.requests++;
  if (rateLimited(state, res, now().getTime())) return true;
  const method = req.method ?? 'GET';
  const wanted = url.searchParams.get('properties')?.split(',') ?? null;

  if (method === 'GET' && path === `/crm/pipelines/${V}/deals`) {
    sendJson(res, 200, {
      results: state.pipelines.map((p) => ({ ...p, stages: p.stages.map((s) => ({ ...s })) })),
    });
    return true;
  }
  if (method === 'GET' && path === `/crm/properties/${V}/deals`) {
    sendJson(res, 200, {
      results: state.properties.map((p) => ({
        name: p.name,
        label: p.label,
        type: p.type,
        modificationMetadata: { readOnlyValue: p.readOnly },
      })),
    });
    return true;
  }
  if (method === 'GET' && (path === `/crm/owners/${V}` || path === `/crm/owners/${V}/`)) {
    // As HubSpot documents it: `email` filters, `archived=true` lists only archived owners (default false).
    const email = url.searchParams.get('email')?.toLowerCase() ?? null;
    const archived = url.searchParams.get('archived') === 'true';
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const results = [...state.owners.values()]
      .filter((o) => (o.archived === true) === archived)
      .filter((o) => email === null || o.email.toLowerCase() === email)
      .slice(0, limit)
      .map((o) => ({
        id: o.id,
        email: o.email,
        firstName: o.firstName,
        lastName: o.lastName,
        type: 'PERSON',
        userId: Number(o.id),
        userIdIncludingInactive: Number(o.id),
        archived: o.archived === true,
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      }));
    sendJson(res, 200, { results });
    return true;
  }
  const owner = OWNER_PATH.exec(path);
  if (method === 'GET' && owner) {
    const found = state.owners.get(owner[1] ?? '');
    if (found) sendJson(res, 200, { ...found, userId: Number(found.id) });
    else hsError(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
    return true;
  }
  if (method === 'POST' && path === `/crm/associations/${V}/deals/contacts/batch/read`) {
    const inputs = (body.inputs as { id?: unknown }[] | undefined) ?? [];
    const results = inputs
      .map((input) => String(input.id ?? ''))
      .filter((dealId) => state.deals.has(dealId))
      .map((dealId) => ({
        from: { id: dealId },
        to: [...(state.dealContacts.get(dealId) ?? new Map<string, string | null>()).entries()].map(
          ([contactId, label]) => ({
            toObjectId: Number(contactId),
            associationTypes: [
              { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
              ...(label ? [{ category: 'USER_DEFINED', typeId: 12, label }] : []),
            ],
          }),
        ),
      }));
    sendJson(res, 200, {
      status: 'COMPLETE',
      results,
      startedAt: now().toISOString(),
      completedAt: now().toISOString(),
    });
    return true;
  }
  const prefix = `/crm/objects/${V}/`;
  if (!path.startsWith(prefix)) {
    hsError(res, 404, 'NOT_FOUND', 'Unknown path');
    return true;
  }
  const [type = '', id, sub] = path.slice(prefix.length).split('/');

  if (type === 'deals' && method === 'POST' && id === 'search') {
    const filter = (body.filterGroups as { filters: { value: string }[] }[] | undefined)?.[0]?.filters[0];
    const term = (filter?.value ?? '').replace(/\*/g, '').toLowerCase();
    const results = [...state.deals.entries()]
      .filter(([, p]) => (p.dealname ?? '').toLowerCase().includes(term))
      .slice(0, Number(body.limit ?? 10))
      .map(([dealId, p]) => dealView(dealId, p, (body.properties as string[] | undefined) ?? null));
    sendJson(res, 200, { total: results.length, results });
    return true;
  }
  if (type === 'contacts' && id === 'batch' && sub === 'read' && method === 'POST') {
    const inputs = (body.inputs as { id: string }[] | undefined) ?? [];
    const results = inputs
      .map((i) => [i.id, state.contacts.get(i.id)] as const)
      .filter((pair): pair is readonly [string, Record<string, string | null>] => pair[1] !== undefined)
      .map(([contactId, p]) => dealView(contactId, p, (body.properties as string[] | undefined) ?? null));
    sendJson(res, 200, { status: 'COMPLETE', results });
    return true;
  }
  if (type === 'deals' && id && !sub) {
    const deal = state.deals.get(id);
    if (!deal) {
      hsError(res, 404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.');
      return true;
    }
    if (method === 'GET') {
      sendJson(res, 200, dealView(id, deal, wanted));
      return true;
    }
    if (method === 'PATCH') {
      const properties = (body.properties ?? {}) as Record<string, string | null>;
      for (const name of Object.keys(properties)) {
        const def = state.properties.find((p) => p.name === name);
        if (!def || def.readOnly) {
          hsError(
            res,
            400,
            'VALIDATION_ERROR',
            `Property values were not valid: [{"isValid":false,"message":"Property \\"${name}\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"${name}"}]`,
          );
          return true;
        }
      }
      for (const rule of state.validationRules) {
        const message = rule(properties);
        if (message) {
          hsError(res, 400, 'VALIDATION_ERROR', message);
          return true;
        }
      }
      const updated = { ...deal, ...properties, hs_lastmodifieddate: now().toISOString() };
      state.deals.set(id, updated);
      sendJson(res, 200, dealView(id, updated, null));
      return true;
    }
  }
  if ((type === 'notes' || type === 'tasks') && !id && method === 'POST') {
    const associations = ((body.associations as Assoc[] | undefined) ?? []).map((a) => ({
      id: String(a.to?.id ?? ''),
      typeId: Number(a.types?.[0]?.associationTypeId ?? 0),
    }));
    for (const a of associations) {
      const exists = state.deals.has(a.id) || state.contacts.has(a.id);
      if (!exists) {
        hsError(res, 400, 'VALIDATION_ERROR', `One or more associations are invalid: ${a.id}`);
        return true;
      }
    }
    const newId = String(state.nextId++);
    const properties = (body.properties ?? {}) as Record<string, string | null>;
    (type === 'notes' ? state.notes : state.tasks).set(newId, { properties, associations });
    sendJson(res, 201, { id: newId, properties, createdAt: now().toISOString(), archived: false });
    return true;
  }
  hsError(res, 404, 'NOT_FOUND', 'Unknown path');
  return true;
}
