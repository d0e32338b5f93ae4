import type { SfRecord } from './state.js';

/** The few SOQL shapes the adapter sends: SELECT … FROM X [WHERE f = 'v' | f LIKE 'v'] [ORDER BY f [DESC]] [LIMIT n]. */
const QUERY =
  /^SELECT (.+?) FROM (\w+)(?: WHERE (\w+) (=|LIKE) '((?:[^'\\]|\\.)*)')?(?: ORDER BY (\w+)(?: (ASC|DESC))?)?(?: LIMIT (\d+))?$/i;

export interface ParsedSoql {
  fields: string[];
  object: string;
  where: { field: string; op: '=' | 'LIKE'; value: string } | null;
  orderBy: { field: string; desc: boolean } | null;
  limit: number | null;
}

export function parseSoql(soql: string): ParsedSoql | null {
  const m = QUERY.exec(soql.trim());
  if (!m) return null;
  const [, fields = '', object = '', whereField, op, value, orderField, dir, limit] = m;
  return {
    fields: fields.split(',').map((f) => f.trim()),
    object,
    where:
      whereField && op && value !== undefined
        ? { field: whereField, op: op.toUpperCase() as '=' | 'LIKE', value: value.replace(/\\(.)/g, '$1') }
        : null,
    orderBy: orderField ? { field: orderField, desc: (dir ?? '').toUpperCase() === 'DESC' } : null,
    limit: limit ? Number(limit) : null,
  };
}

/** LIKE with % wildcards (escaped \% and \_ already unescaped: the adapter only sends %term%). */
export function likeMatches(value: string, pattern: string): boolean {
  const inner = pattern.replace(/^%/, '').replace(/%$/, '');
  return value.toLowerCase().includes(inner.toLowerCase());
}

const RELATION_OBJECT: Record<string, string> = { Owner: 'User', Account: 'Account', Contact: 'Contact' };

/** Runs a parsed query over the tables and shapes rows like the REST API (attributes, nested relations). */
export function runSoql(q: ParsedSoql, tables: Record<string, Map<string, SfRecord>>, base: string) {
  const table = tables[q.object];
  if (!table) return null;
  let rows = [...table.values()];
  const where = q.where;
  if (where) {
    rows = rows.filter((r) => {
      const v = r[where.field];
      // SOQL compares text case-insensitively (Email = 'Sam@…' finds sam@…).
      return where.op === '='
        ? String(v).toLowerCase() === where.value.toLowerCase()
        : likeMatches(String(v ?? ''), where.value);
    });
  }
  const order = q.orderBy;
  if (order) {
    rows.sort((a, b) => String(a[order.field]).localeCompare(String(b[order.field])) * (order.desc ? -1 : 1));
  }
  if (q.limit !== null) rows = rows.slice(0, q.limit);
  const attributes = (type: string, id: unknown) => ({ type, url: `${base}/sobjects/${type}/${String(id)}` });
  return rows.map((r) => {
    const out: Record<string, unknown> = { attributes: attributes(q.object, r.Id) };
    for (const field of q.fields) {
      const [relation, sub] = field.split('.');
      if (relation && sub) {
        const object = RELATION_OBJECT[relation] ?? relation;
        const id = r[`${relation}Id`];
        const related = id ? tables[object]?.get(String(id)) : undefined;
        const existing = out[relation] as Record<string, unknown> | null | undefined;
        out[relation] = related
          ? { ...(existing ?? { attributes: attributes(object, id) }), [sub]: related[sub] ?? null }
          : null;
      } else if (relation) {
        out[relation] = r[relation] ?? null;
      }
    }
    return out;
  });
}
