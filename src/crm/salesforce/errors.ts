import { CrmError } from '../ports.js';

const PERMISSION_CODES = new Set([
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'API_DISABLED_FOR_ORG',
  'FUNCTIONALITY_NOT_ENABLED',
]);
const VALIDATION_CODES = new Set([
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'REQUIRED_FIELD_MISSING',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'STRING_TOO_LONG',
  'FIELD_INTEGRITY_EXCEPTION',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_FIELD',
  'MALFORMED_ID',
]);

/** jsforce throws HttpApiError with `name` = Salesforce's errorCode; keeps Salesforce's message verbatim. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (!(error instanceof Error)) return new CrmError('unavailable', 'Salesforce did not answer.');
  const code = (error as Error & { errorCode?: unknown }).errorCode;
  const name = typeof code === 'string' ? code : error.name;
  if (name === 'PRECONDITION_FAILED' || name === 'ERROR_HTTP_412') {
    return new CrmError('stale', 'Someone changed this opportunity in Salesforce after we read it.');
  }
  if (VALIDATION_CODES.has(name)) return new CrmError('validation', error.message);
  if (PERMISSION_CODES.has(name)) return new CrmError('permission', error.message);
  if (name === 'REQUEST_LIMIT_EXCEEDED' || name === 'ERROR_HTTP_429') {
    return new CrmError('rate_limited', error.message);
  }
  if (name === 'NOT_FOUND' || name === 'ERROR_HTTP_404') return new CrmError('not_found', error.message);
  if (name === 'INVALID_SESSION_ID' || error.message.startsWith('Unable to refresh session')) {
    return new CrmError('auth', error.message);
  }
  return new CrmError('unavailable', error.message);
}
