/**
 * A small RFC 4180 reader for the CSV files the api writes (indicator and open-data exports end
 * records with CRLF, the audit trail with LF): quoted fields may hold commas, doubled quotes and
 * line breaks; an unquoted CRLF, LF or CR ends a record. An unclosed quote is an error.
 */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new Error(`The CSV ends inside a quoted field: ${JSON.stringify(text.slice(-80))}`);
  // The last record, when the text does not end with a line break.
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The records after the header row, each as fields by the header's names (missing ones empty). */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}
