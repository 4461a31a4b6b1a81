/**
 * The baseline: DuckDB's own read_csv of a file into a table, nothing else. The quote is named
 * (a sample without quoted fields would detect none, and the first quoted name later stops
 * the read), and rows it cannot read are skipped, as any read of a file with dirty rows must.
 */
import { Store } from "../src/db/store.js";

const [db, file] = process.argv.slice(2) as [string, string];
const store = await Store.open(db, { migrate: false });
await store.run(
  `CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', quote='"', escape='"', ignore_errors=true)`,
);
store.close();
