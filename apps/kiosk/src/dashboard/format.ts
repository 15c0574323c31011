// A figure as the page writes it (in the staff's language) and as the CSV holds it (plain numbers a spreadsheet can
// sum: shares and scores as percentages, durations in seconds).
import { toCsv, type CsvCell } from './csv.ts';
import type { Cell, ColumnKind, TableModel } from './model.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

export function formatCell(value: Cell, kind: ColumnKind, locale: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return new Intl.NumberFormat(locale).format(value);
    case 'rate':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'score':
      // A score is a share of the points: staff read it out of 100, as in school.
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 100);
    case 'duration':
      return formatDuration(value);
    case 'text':
      return String(value);
  }
}

/** Minutes and seconds (m:ss), the way a stopwatch shows time spent. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function csvValue(value: Cell, kind: ColumnKind): CsvCell {
  if (typeof value !== 'number') return value;
  if (kind === 'rate' || kind === 'score') return round1(value * 100);
  if (kind === 'duration') return Math.round(value / 1000);
  return value;
}

export interface CsvUnits {
  /** Appended to the header of a share column, e.g. " (%)". */
  percent: string;
}

export function tableCsv(table: TableModel, units: CsvUnits): string {
  const header = table.columns.map((c) => c.csvLabel ?? c.label + (c.kind === 'rate' ? units.percent : ''));
  return toCsv(header, table.rows.map((row) => row.map((cell, i) => csvValue(cell, table.columns[i]!.kind))));
}
