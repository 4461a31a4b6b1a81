/** Parquet: columns come typed; they are cast to text so one normaliser serves every format.
 * Parquet has no lines, so `line` is the 1-based row number. */
import { CONTRACT_COLUMNS } from "../../core/crossing.js";
import { AppError } from "../../core/errors.js";
import { type Store, sqlIdent, sqlString } from "../../db/store.js";
import { mapColumns } from "../header.js";

/** Checks the columns and returns the file as a relation with contract column names. */
export async function parquetRelation(
  store: Store,
  file: string,
  renames?: ReadonlyMap<string, string>,
): Promise<string> {
  let described: { column_name: string }[];
  try {
    described = await store.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  } catch (err) {
    throw new AppError(
      "input",
      `cannot read ${file} as Parquet: ${(err as Error).message.split("\n")[0]}`,
      { cause: err },
    );
  }
  const map = mapColumns(
    file,
    described.map((d) => d.column_name),
    renames,
  );
  const pick = (c: string) => {
    const i = map.contract.indexOf(c);
    return i === -1 ? "NULL" : `CAST(${sqlIdent(map.fileColumns[i] ?? "")} AS VARCHAR)`;
  };
  const extras = map.fileColumns.filter((_, i) => map.contract[i] === null);
  const extra =
    extras.length === 0
      ? "NULL"
      : `json_object(${extras.map((c) => `${sqlString(c)}, ${sqlIdent(c)}`).join(", ")})`;
  return `SELECT ${CONTRACT_COLUMNS.map((c) => `${pick(c)} AS ${sqlIdent(c)}`).join(", ")}, ${extra} AS extra
    FROM read_parquet(${sqlString(file)})`;
}
