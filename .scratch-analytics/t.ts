import { getTableConfig } from "drizzle-orm/pg-core";
import * as s from "../src/store/schema.ts";
const c = getTableConfig(s.cases);
console.log(c.name, c.columns.map(x => [x.name, x.getSQLType(), x.notNull, x.hasDefault, x.primary, x.isUnique, (x as any).default]));
console.log(c.foreignKeys.map(f => { const r = f.reference(); return [r.columns.map(c=>c.name), getTableConfig(r.foreignTable).name, r.foreignColumns.map(c=>c.name)]; }));
