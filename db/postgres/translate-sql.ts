import { BillingError } from '../../tools/errors.ts';

/**
 * The statements of the db layer are written once, in the SQL drizzle's SQLite dialect generates
 * and that both engines mostly share; this turns one into PostgreSQL's where the two differ:
 * `?` parameters become `$n`, backtick identifiers double-quoted, INSERT OR IGNORE becomes ON
 * CONFLICT DO NOTHING, LIKE keeps SQLite's ASCII case-insensitivity (ILIKE), casts to REAL and
 * INTEGER keep SQLite's 64-bit widths, and ORDER BY keeps SQLite's NULL placement (first when
 * ascending, last when descending). Forms with no faithful translation are refused, naming
 * the dialect-neutral form to write instead.
 */
export function translateSql(sqlite: string): string {
  let out = cache.get(sqlite);
  if (out === undefined) {
    out = translate(sqlite);
    if (cache.size > 5000) cache.clear();
    cache.set(sqlite, out);
  }
  return out;
}

const cache = new Map<string, string>();
const MASK = /\uE000(\d+)\uE001/g;

function translate(text: string): string {
  const { code, quoted } = mask(text);
  let n = 0;
  let s = code.replace(/\?/g, () => `$${++n}`);
  if (/\binsert\s+or\s+replace\b|\breplace\s+into\b/i.test(s)) refuse('INSERT OR REPLACE', "an upsert (drizzle's onConflictDoUpdate, or INSERT ... ON CONFLICT (key) DO UPDATE)");
  if (/\bglob\b/i.test(s)) refuse('GLOB', 'LIKE, or a check in code');
  const ignore = /\binsert\s+or\s+ignore\s+into\b/i.test(s);
  if (ignore) s = appendOnConflict(s.replace(/\binsert\s+or\s+ignore\s+into\b/i, 'insert into'));
  s = s
    .replace(/\blike\b/gi, 'ilike')
    .replace(/\bifnull\s*\(/gi, 'coalesce(')
    .replace(/\bas\s+real\b/gi, 'as double precision')
    .replace(/\bas\s+integer\b/gi, 'as bigint')
    .replace(/\bbegin\s+(immediate|deferred|exclusive)(\s+transaction)?\b/gi, 'begin')
    .replace(/\blimit\s+-1\b/gi, 'limit all');
  // drizzle's SQLite dialect qualifies the conflict target's columns; PostgreSQL takes bare names.
  s = s.replace(/\bon\s+conflict\s*\(([^)]*)\)/gi, (_, cols: string) => `on conflict (${cols.replace(/\uE000\d+\uE001\./g, '')})`);
  // SQLite matches names regardless of case; PostgreSQL folds bare names to lower case, so a
  // camelCase alias (`as accountId`) would come back as accountid. Mixed-case bare words are
  // only ever such aliases here (the schema's names are snake_case): quoted, they keep their case.
  s = s.replace(/(?<![$\w])([A-Za-z_][A-Za-z0-9_]*)\b/g, (word: string) => (/[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word));
  s = nullsAsSqlite(s);
  return s.replace(MASK, (_, i: string) => quoted[Number(i)]!);
}

function refuse(form: string, instead: string): never {
  throw new BillingError('INTERNAL', `${form} has no PostgreSQL form: write ${instead}`);
}

/** Quoted strings and identifiers set aside, so rewriting never touches their contents. */
function mask(text: string): { code: string; quoted: string[] } {
  const quoted: string[] = [];
  let code = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new BillingError('INTERNAL', `unterminated quote in SQL: ${text.slice(0, 200)}`);
        if (text[j] === c) {
          if (text[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      const body = text.slice(i, j + 1);
      quoted.push(c === '`' ? `"${body.slice(1, -1).replaceAll('``', '`').replaceAll('"', '""')}"` : body);
      code += `\uE000${quoted.length - 1}\uE001`;
      i = j + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else {
      code += c;
      i++;
    }
  }
  return { code, quoted };
}

/** `ON CONFLICT DO NOTHING` before a top-level RETURNING, or at the end. */
function appendOnConflict(s: string): string {
  const trimmed = s.replace(/;\s*$/, '');
  const returning = topLevelIndex(trimmed, /^returning\b/i);
  return returning === -1 ? `${trimmed} on conflict do nothing` : `${trimmed.slice(0, returning).trimEnd()} on conflict do nothing ${trimmed.slice(returning)}`;
}

function topLevelIndex(s: string, word: RegExp): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (i === 0 || /\W/.test(s[i - 1]!)) && word.test(s.slice(i, i + 16))) return i;
  }
  return -1;
}

const ORDER_END = /^(limit|offset|union|except|intersect|window|for|returning|rows|range|groups)\b/i;

/** Each ORDER BY term gets SQLite's NULL placement unless it names one. */
function nullsAsSqlite(s: string): string {
  const re = /\border\s+by\s+/gi;
  let out = '';
  let from = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    out += s.slice(from, start);
    let depth = 0;
    let i = start;
    let termStart = start;
    const terms: string[] = [];
    for (; i < s.length; i++) {
      const c = s[i]!;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && c === ',') {
        terms.push(s.slice(termStart, i));
        termStart = i + 1;
      } else if (depth === 0 && c === ';') break;
      else if (depth === 0 && /\s/.test(c) && ORDER_END.test(s.slice(i + 1))) break;
    }
    terms.push(s.slice(termStart, i));
    out += terms.map(withNulls).join(',');
    from = i;
    re.lastIndex = i;
  }
  return out + s.slice(from);
}

function withNulls(term: string): string {
  if (/\bnulls\s+(first|last)\s*$/i.test(term) || term.trim() === '') return term;
  const trailing = term.match(/\s*$/)![0];
  const body = term.slice(0, term.length - trailing.length);
  return `${body} ${/\bdesc$/i.test(body) ? 'nulls last' : 'nulls first'}${trailing}`;
}
