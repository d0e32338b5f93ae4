/** Conversions between stored values and domain values, identical for both engines. */

export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

export const toDateOrNull = (value: string | Date | null): Date | null =>
  value === null ? null : toDate(value);

export const toIso = (date: Date): string => date.toISOString();

export const toFlag = (value: boolean): number => (value ? 1 : 0);

export const fromFlag = (value: number | boolean): boolean => value === true || value === 1;

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
