import { describe, expect, it } from 'vitest';
import { translateSql } from './translate-sql.ts';

describe('SQLite statements in PostgreSQL form', () => {
  it('numbers the parameters and leaves question marks in strings alone', () => {
    expect(translateSql("select * from t where a = ? and b = '?' and c in (?, ?)")).toBe("select * from t where a = $1 and b = '?' and c in ($2, $3)");
  });

  it('double-quotes backtick names and leaves quoted text as it is', () => {
    expect(translateSql("select `a` from `t` where x = 'it''s ` here'")).toBe(`select "a" from "t" where x = 'it''s \` here'`);
  });

  it('turns INSERT OR IGNORE into ON CONFLICT DO NOTHING, before RETURNING', () => {
    expect(translateSql('insert or ignore into t (a) values (?)')).toBe('insert into t (a) values ($1) on conflict do nothing');
    expect(translateSql('INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING id')).toBe('insert into t (a) VALUES ($1) on conflict do nothing RETURNING id');
  });

  it('refuses INSERT OR REPLACE and GLOB, naming what to write instead', () => {
    expect(() => translateSql('insert or replace into t values (1)')).toThrow(/onConflictDoUpdate/);
    expect(() => translateSql("select 1 where a glob 'x*'")).toThrow(/GLOB/);
  });

  it("keeps SQLite's case-insensitive LIKE, 64-bit casts and NULL placement", () => {
    expect(translateSql("select cast(x as integer), cast(y as real) from t where n not like 'a%' order by a, b desc, c asc nulls last limit ?")).toBe(
      "select cast(x as bigint), cast(y as double precision) from t where n not ilike 'a%' order by a nulls first, b desc nulls last, c asc nulls last limit $1",
    );
    expect(translateSql('select row_number() over (order by a desc) from t order by (select 1)')).toBe('select row_number() over (order by a desc nulls last) from t order by (select 1) nulls first');
  });

  it("drops the table from drizzle's conflict target and quotes camelCase aliases", () => {
    expect(translateSql('insert into "s" ("k") values (?) on conflict ("s"."k") do update set "v" = ?')).toBe('insert into "s" ("k") values ($1) on conflict ("k") do update set "v" = $2');
    expect(translateSql('select account_id as accountId from t order by accountId')).toBe('select account_id as "accountId" from t order by "accountId" nulls first');
  });

  it('ignores comments', () => {
    expect(translateSql('select 1 -- why? because\nfrom t')).toBe('select 1 \nfrom t');
  });
});
