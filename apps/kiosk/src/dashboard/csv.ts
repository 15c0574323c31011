// CSV as Excel opens it: UTF-8 with a byte-order mark (without one, Excel on a Chinese Windows reads the file as GBK
// and the names come out garbled), CRLF line ends, RFC 4180 quoting. A text cell that a spreadsheet would take for a
// formula (=, +, -, @ first) gets a leading apostrophe: names come from content packs and school codes, not from us.

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: the header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name that says what the table is, for which period and place: only letters, digits, '-', '_' and '.'. */
export function csvFileName(table: string, period: { from: string; to: string }, place: string): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `ruyi-${safe(table)}-${period.from}_${period.to}${place ? `-${safe(place)}` : ''}.csv`;
}
