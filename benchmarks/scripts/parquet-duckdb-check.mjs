// Reads a Parquet file written by mwdump with DuckDB and compares it with values taken from the
// source XML (expected.json: revisions, sum_bytes, revision_id, body_sha1, body_length).
// usage: node parquet-duckdb-check.mjs FILE.parquet expected.json
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const [file, expectedFile] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = async (sql, ...params) => (await con.runAndReadAll(sql, params)).getRowObjects();
const path = file.replaceAll("'", "''");

const [totals] = await q(`SELECT count(*) AS n, sum(revision_size) AS sum_size FROM read_parquet('${path}')`);
const [row] = await q(`SELECT revision_id, page_title, revision_dt::VARCHAR AS dt,
    revision_content_slots['main'].content_body AS body
    FROM read_parquet('${path}') WHERE revision_id = ${BigInt(expected.revision_id)}`);
const schema = await q(`SELECT name, type FROM parquet_schema('${path}') WHERE name IN
    ('revision_dt', 'revision_content_slots', 'content_body')`);
const [meta] = await q(`SELECT decode(value) AS v FROM parquet_kv_metadata('${path}')
    WHERE decode(key) = 'mwdump.siteinfo'`);

const body = row?.body ?? null;
const got = {
  revisions: Number(totals.n),
  sum_bytes: totals.sum_size === null ? null : Number(totals.sum_size),
  revision_id: Number(row?.revision_id),
  body_length: body === null ? null : Buffer.byteLength(body, 'utf8'),
  body_sha1: body === null ? null : createHash('sha1').update(body, 'utf8').digest('hex'),
};
console.log('duckdb schema:', JSON.stringify(schema.map(r => `${r.name}:${r.type}`)));
console.log('duckdb revision', got.revision_id, JSON.stringify(row?.page_title), row?.dt);
console.log('siteinfo metadata:', meta ? meta.v.slice(0, 120) + '...' : 'MISSING');
let ok = true;
for (const key of Object.keys(got)) {
  const same = got[key] === expected[key];
  ok &&= same;
  console.log(`${same ? 'ok  ' : 'DIFF'} ${key}: duckdb=${got[key]} source=${expected[key]}`);
}
console.log(ok ? 'PASS' : 'FAIL');
process.exit(ok ? 0 : 1);
