// The baseline: DuckDB's grouped sum over the same activity file, as a user would write it.
// Quantities are read as text, thousands separators removed, and summed exactly as DECIMAL
// (18,6 by default: exact for these files, whose quantities have at most 2 decimals; --wide uses
// DECIMAL(38,9), which DuckDB converts far more slowly).
//
//   node bench/duckdb-sum.mjs <file.csv> [--wide]   → one JSON line on stdout
import { DuckDBInstance } from '@duckdb/node-api';

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/duckdb-sum.mjs <file.csv> [--wide]');
  process.exit(2);
}
const type = flags.includes('--wide') ? 'DECIMAL(38,9)' : 'DECIMAL(18,6)';
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const t1 = performance.now();
const source = `read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true, delim = ',', quote = '"')`;
const reader = await con.runAndReadAll(
  `SELECT "年份" AS year, "行业名称" AS sector, "能源品种" AS fuel, "计量单位" AS unit,
          SUM(CAST(replace("消费量", ',', '') AS ${type}))::VARCHAR AS quantity, COUNT(*) AS n
     FROM ${source} GROUP BY ALL`,
);
const t2 = performance.now();
const groups = reader.getRowObjectsJS();
const version = (await con.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
const rows = groups.reduce((a, g) => a + Number(g.n), 0);
console.log(JSON.stringify({ version, type, setupMs: t1 - t0, queryMs: t2 - t1, groups, rows }, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
