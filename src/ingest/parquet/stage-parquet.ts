/** Parquet: columns come typed; they are cast to text so one normaliser serves every format.
 * Parquet has no lines, so `line` is the 1-based row number. */
import { AppError } from "../../core/errors.js";
import { type Store, sqlIdent, sqlString } from "../../db/store.js";
import { mapColumns } from "../header.js";
import { createStageTable, STAGE_TABLE, type StageResult } from "../stage.js";

export async function stageParquet(store: Store, file: string): Promise<StageResult> {
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
  );
  await createStageTable(store);
  const pick = (c: string) => {
    const i = map.contract.indexOf(c);
    return i === -1 ? "NULL" : `CAST(${sqlIdent(map.fileColumns[i] ?? "")} AS VARCHAR)`;
  };
  const extras = map.fileColumns.filter((_, i) => map.contract[i] === null);
  const extra =
    extras.length === 0
      ? "NULL"
      : `json_object(${extras.map((c) => `${sqlString(c)}, ${sqlIdent(c)}`).join(", ")})`;
  const cols = [
    "record_id",
    "crossed_at",
    "direction",
    "port",
    "nationality",
    "doc_number",
    "doc_type",
    "family_name",
    "given_name",
    "full_name",
    "birth_date",
    "sex",
    "visa_type",
    "purpose",
    "sponsor",
    "group_id",
    "source",
  ];
  try {
    await store.run(
      `INSERT INTO temp.${STAGE_TABLE} SELECT NULL, ${cols.map(pick).join(", ")}, ${extra} FROM read_parquet(${sqlString(file)})`,
    );
  } catch (err) {
    throw new AppError(
      "input",
      `cannot read ${file} as Parquet: ${(err as Error).message.split("\n")[0]}`,
      { cause: err },
    );
  }
  await store.run(
    `UPDATE temp.${STAGE_TABLE} SET line = rowid - (SELECT min(rowid) FROM temp.${STAGE_TABLE}) + 1`,
  );
  const [n] = await store.all<{ n: bigint }>(`SELECT count(*) AS n FROM temp.${STAGE_TABLE}`);
  return { staged: Number(n?.n ?? 0), readRejects: [], parsePath: "fast" };
}
