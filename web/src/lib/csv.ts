// CSV for accounting exports, built in the browser: RFC 4180 (comma-separated, CRLF line ends, a
// field quoted when it holds a comma, a quote, CR or LF, quotes inside doubled), a header row, and a
// UTF-8 byte order mark in front so Excel reads Hebrew names as Hebrew rather than as mojibake.
// Amounts come from integer minor units as exact decimal text ("-1234" cents → "-12.34"), never
// through floating point. Pure: the download itself is in ./download.ts.

/** What a cell may hold: text, an amount already written as decimal text, or nothing (empty). */
export type CsvCell = string | null | undefined;

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/** A plain decimal number, as the exports write amounts and ids: never taken for a formula. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or CR before one) as a formula. A
 * text cell starting so (an expert could name themselves "=HYPERLINK(…)") gets a leading apostrophe,
 * which spreadsheets show as text; numbers such as "-12.34" are left alone.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(cell: CsvCell): string {
  const text = neutralizeFormula(cell ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file's text: BOM, header, then one line per row, each line ending in CRLF. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const width = header.length;
  const lines = [header, ...rows].map((row, index) => {
    if (row.length !== width) throw new Error(`CSV row ${index} has ${row.length} fields, the header ${width}`);
    return row.map(csvField).join(',');
  });
  return CSV_BOM + lines.map((line) => line + CRLF).join('');
}

/**
 * Integer minor units as exact decimal text with two places: 90000 → "900.00", 5 → "0.05",
 * -1234 → "-12.34". Refuses anything that is not a safe integer rather than writing a wrong figure.
 */
export function minorUnitsToDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an amount in minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses a CSV produced by buildCsv (or any RFC 4180 text) back into rows; the BOM is skipped. For tests and checks. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
