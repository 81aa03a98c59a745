// Reading a CSV file the app exported, for browser tests: the raw bytes (to see the UTF-8 byte
// order mark Excel needs) and the rows, parsed by RFC 4180 independently of the app's own builder.
import { readFile } from 'node:fs/promises';

export interface CsvFile {
  /** The file starts with the UTF-8 byte order mark (EF BB BF). */
  bom: boolean;
  /** Every line ends with CRLF, as RFC 4180 asks. */
  crlf: boolean;
  rows: string[][];
}

export async function readCsvFile(path: string): Promise<CsvFile> {
  const bytes = await readFile(path);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.subarray(bom ? 3 : 0).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let crlf = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\n' || text[i + 1] !== '\n') crlf = false;
      else i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
    crlf = false;
  }
  return { bom, crlf, rows };
}

/** "900.00" → 90000, "-12.34" → -1234: exact, from the digits (no floating point). */
export function decimalToMinor(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an amount with two decimals: ${JSON.stringify(text)}`);
  const minor = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -minor : minor;
}
