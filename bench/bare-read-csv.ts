/** The baseline: DuckDB's own read_csv of a file into a table, nothing else. */
import { Store } from "../src/db/store.js";

const [db, file] = process.argv.slice(2) as [string, string];
const store = await Store.open(db, { migrate: false });
await store.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
store.close();
