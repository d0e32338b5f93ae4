/** In-memory CRM data for the emulator. Records are plain field maps, as the APIs return them. */
export type SfRecord = Record<string, string | number | boolean | null>;

export interface SalesforceState {
  clientId: string;
  /** PEM public key that verifies JWT bearer assertions (when set). */
  jwtPublicKey: string | null;
  username: string;
  refreshTokens: Set<string>;
  accessTokens: Set<string>;
  /** Access token -> the refresh token it was issued from (revoking a refresh token revokes them too). */
  issuedFrom: Map<string, string>;
  /** Tokens revoked at /services/oauth2/revoke, in order. */
  revoked: string[];
  /** Authorization codes of the web-server flow, single use: the PKCE challenge and redirect they were issued for. */
  authCodes: Map<string, { challenge: string; redirectUri: string; clientId: string }>;
  tables: Record<string, Map<string, SfRecord>>;
  apiUsage: { used: number; limit: number };
  /** Validation rules: a message for a value Salesforce would refuse, else null. */
  validationRules: ((object: string, fields: SfRecord) => string | null)[];
  /** Objects the integration user may not write. */
  readOnlyObjects: Set<string>;
  tokenRequests: number;
  nextId: number;
}

export interface HubSpotState {
  token: string;
  /** The HubSpot app (OAuth) and the portal that installs it. */
  oauth: {
    clientId: string;
    clientSecret: string;
    portalId: number;
    /** Single-use codes: the PKCE challenge and redirect URI they were issued for. */
    codes: Map<string, { challenge: string; redirectUri: string }>;
    refreshTokens: Set<string>;
    /** Refresh tokens deleted at /oauth/2026-03/token/revoke, in order. */
    revoked: string[];
    /** OAuth access tokens and when they expire (ms). */
    accessTokens: Map<string, number>;
    /** Lifetime of a new access token, in seconds (HubSpot: 1800). */
    expiresIn: number;
    tokenRequests: { grant: string }[];
  };
  /** Requests allowed per rolling 10 seconds. */
  limitPer10s: number;
  /** Times of accepted requests (for the rolling window). */
  recent: number[];
  /** Answer the next n requests with 429 whatever the window says. */
  force429: number;
  requests: number;
  rateLimited: number;
  deals: Map<string, Record<string, string | null>>;
  contacts: Map<string, Record<string, string | null>>;
  /** Owners as /crm/owners/2026-03 lists them; `archived` owners (deactivated users) only with archived=true. */
  owners: Map<string, { id: string; firstName: string; lastName: string; email: string; archived?: boolean }>;
  pipelines: { id: string; label: string; stages: { id: string; label: string }[] }[];
  /** deal id -> contact id -> label */
  dealContacts: Map<string, Map<string, string | null>>;
  notes: Map<
    string,
    { properties: Record<string, string | null>; associations: { id: string; typeId: number }[] }
  >;
  tasks: Map<
    string,
    { properties: Record<string, string | null>; associations: { id: string; typeId: number }[] }
  >;
  properties: { name: string; label: string; type: string; readOnly: boolean }[];
  validationRules: ((properties: Record<string, string | null>) => string | null)[];
  nextId: number;
}

export interface CrmEmulatorState {
  salesforce: SalesforceState;
  hubspot: HubSpotState;
}

/** Salesforce stores times to the second; so does the emulator (If-Unmodified-Since compares seconds). */
export const sfTime = (date: Date) => `${date.toISOString().slice(0, 19)}.000+0000`;

export function emptyState(): CrmEmulatorState {
  return {
    salesforce: {
      clientId: 'sandbox-connected-app',
      jwtPublicKey: null,
      username: 'integration@acme.example',
      refreshTokens: new Set(),
      accessTokens: new Set(),
      issuedFrom: new Map(),
      revoked: [],
      authCodes: new Map(),
      tables: {
        Opportunity: new Map(),
        Account: new Map(),
        User: new Map(),
        Contact: new Map(),
        OpportunityContactRole: new Map(),
        ContentNote: new Map(),
        ContentDocumentLink: new Map(),
        Task: new Map(),
      },
      apiUsage: { used: 0, limit: 15_000 },
      validationRules: [],
      readOnlyObjects: new Set(),
      tokenRequests: 0,
      nextId: 1,
    },
    hubspot: {
      token: 'pat-na1-sandbox-token',
      oauth: {
        clientId: 'sandbox-hubspot-app',
        clientSecret: 'sandbox-hubspot-secret',
        portalId: 4242,
        codes: new Map(),
        refreshTokens: new Set(),
        revoked: [],
        accessTokens: new Map(),
        expiresIn: 1800,
        tokenRequests: [],
      },
      limitPer10s: 100,
      recent: [],
      force429: 0,
      requests: 0,
      rateLimited: 0,
      deals: new Map(),
      contacts: new Map(),
      owners: new Map(),
      pipelines: [],
      dealContacts: new Map(),
      notes: new Map(),
      tasks: new Map(),
      properties: [],
      validationRules: [],
      nextId: 1000,
    },
  };
}

/** A demo opportunity and deal (Acme routing), with contacts and roles, like a real org would have. */
export function seedCrm(state: CrmEmulatorState, now: Date): { opportunityId: string; dealId: string } {
  const sf = state.salesforce;
  const t = sfTime(now);
  sf.tables.User?.set('005000000000001AAA', {
    Id: '005000000000001AAA',
    Name: 'Riley Rep',
    Email: 'riley@vendor.example',
  });
  sf.tables.Account?.set('001000000000001AAA', { Id: '001000000000001AAA', Name: 'Acme Corp' });
  sf.tables.Contact?.set('003000000000001AAA', {
    Id: '003000000000001AAA',
    Name: 'Dana Diaz',
    Email: 'dana@acme.example',
  });
  sf.tables.Contact?.set('003000000000002AAA', {
    Id: '003000000000002AAA',
    Name: 'Sam Lee',
    Email: 'sam@acme.example',
  });
  const opportunityId = '006000000000001AAA';
  sf.tables.Opportunity?.set(opportunityId, {
    Id: opportunityId,
    Name: 'Acme - Routing 2027',
    StageName: 'Qualification',
    Amount: 120000,
    CloseDate: '2027-03-31',
    AccountId: '001000000000001AAA',
    OwnerId: '005000000000001AAA',
    Description: null,
    Next_Step_Notes__c: null,
    Decision_Criteria__c: 'Must run on-prem',
    LastModifiedDate: t,
  });
  sf.tables.Opportunity?.set('006000000000002AAA', {
    Id: '006000000000002AAA',
    Name: 'Globex - Fleet pilot',
    StageName: 'Prospecting',
    Amount: 40000,
    CloseDate: '2027-01-15',
    AccountId: null,
    OwnerId: '005000000000001AAA',
    Description: null,
    Next_Step_Notes__c: null,
    Decision_Criteria__c: null,
    LastModifiedDate: t,
  });
  sf.tables.OpportunityContactRole?.set('00K000000000001AAA', {
    Id: '00K000000000001AAA',
    OpportunityId: opportunityId,
    ContactId: '003000000000001AAA',
    Role: 'Economic Buyer',
  });
  sf.tables.OpportunityContactRole?.set('00K000000000002AAA', {
    Id: '00K000000000002AAA',
    OpportunityId: opportunityId,
    ContactId: '003000000000002AAA',
    Role: 'Technical Buyer',
  });

  const hs = state.hubspot;
  hs.pipelines = [
    {
      id: 'default',
      label: 'Sales Pipeline',
      stages: [
        { id: 'appointmentscheduled', label: 'Appointment Scheduled' },
        { id: 'qualifiedtobuy', label: 'Qualified To Buy' },
        { id: 'closedwon', label: 'Closed Won' },
      ],
    },
  ];
  hs.owners.set('77', { id: '77', firstName: 'Riley', lastName: 'Rep', email: 'riley@vendor.example' });
  hs.contacts.set('501', { firstname: 'Dana', lastname: 'Diaz', email: 'dana@acme.example' });
  hs.contacts.set('502', { firstname: 'Sam', lastname: 'Lee', email: 'sam@acme.example' });
  const dealId = '9001';
  hs.deals.set(dealId, {
    dealname: 'Acme - Routing 2027',
    dealstage: 'qualifiedtobuy',
    pipeline: 'default',
    amount: '120000',
    deal_currency_code: 'USD',
    closedate: '2027-03-31T00:00:00.000Z',
    hubspot_owner_id: '77',
    description: null,
    decision_criteria: 'Must run on-prem',
    hs_lastmodifieddate: now.toISOString(),
  });
  hs.deals.set('9002', {
    dealname: 'Globex - Fleet pilot',
    dealstage: 'appointmentscheduled',
    pipeline: 'default',
    amount: '40000',
    deal_currency_code: 'USD',
    closedate: '2027-01-15T00:00:00.000Z',
    hubspot_owner_id: '77',
    description: null,
    decision_criteria: null,
    hs_lastmodifieddate: now.toISOString(),
  });
  hs.dealContacts.set(
    dealId,
    new Map([
      ['501', 'Decision maker'],
      ['502', null],
    ]),
  );
  hs.properties = [
    { name: 'dealname', label: 'Deal Name', type: 'string', readOnly: false },
    { name: 'description', label: 'Deal Description', type: 'string', readOnly: false },
    { name: 'decision_criteria', label: 'Decision criteria', type: 'string', readOnly: false },
    { name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
    { name: 'hs_object_source_label', label: 'Record source', type: 'string', readOnly: true },
  ];
  return { opportunityId, dealId };
}
