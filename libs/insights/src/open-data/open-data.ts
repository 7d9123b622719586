// Statistical disclosure control for open data: no published cell may stand for fewer than five
// people. Pure functions, tested without a database.

/** A cell that stands for 1 to 4 people is suppressed; zero is published (it identifies nobody). */
export const OPEN_DATA_MIN_PEOPLE = 5;

export type CellValue = string | number | null;

export interface Column<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** How many distinct people stand behind the cell; key columns have none. */
  people?: (row: Row) => number;
  /** Headers of the columns this one is computed from: suppressed with any of them. */
  dependsOn?: string[];
}

/** Parts that add up to a published total: one suppressed part could be recovered by subtraction. */
export interface Partition {
  total: string;
  parts: string[];
}

export interface TableSpec<Row> {
  name: string;
  columns: Column<Row>[];
  partitions?: Partition[];
}

export interface SuppressedRow {
  values: Record<string, CellValue>;
  suppressed: Set<string>;
}

/**
 * Primary suppression (cells of 1-4 people), secondary suppression (a partition never has exactly
 * one suppressed part while its total is published: the next smallest part goes too, or the total
 * when no other part is non-zero), then every cell derived from a suppressed one.
 */
export function suppressRow<Row>(spec: TableSpec<Row>, row: Row): SuppressedRow {
  const values: Record<string, CellValue> = {};
  const suppressed = new Set<string>();
  for (const column of spec.columns) {
    values[column.header] = column.value(row);
    const people = column.people?.(row);
    if (people !== undefined && people > 0 && people < OPEN_DATA_MIN_PEOPLE) suppressed.add(column.header);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of spec.partitions ?? []) {
      const hidden = parts.filter((part) => suppressed.has(part));
      if (hidden.length !== 1 || suppressed.has(total)) continue;
      const candidates = parts
        .filter((part) => !suppressed.has(part) && Number(values[part] ?? 0) > 0)
        .sort((a, b) => Number(values[a]) - Number(values[b]));
      suppressed.add(candidates[0] ?? total);
      changed = true;
    }
    for (const column of spec.columns) {
      if (suppressed.has(column.header)) continue;
      if (column.dependsOn?.some((header) => suppressed.has(header))) {
        suppressed.add(column.header);
        changed = true;
      }
    }
  }
  for (const header of suppressed) values[header] = null;
  return { values, suppressed };
}
