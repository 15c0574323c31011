import { useTranslation } from 'react-i18next';
import { formatCell } from './format.ts';
import type { TableModel } from './model.ts';

/** A table of the report with its caption and a button that saves it as CSV. */
export function ReportTable({ table, locale, onDownload }: { table: TableModel; locale: string; onDownload: (table: TableModel) => void }) {
  const { t } = useTranslation();
  return (
    <div className="dashboard-table" data-table={table.id}>
      <div className="dashboard-table-head">
        <button type="button" className="dashboard-csv" onClick={() => onDownload(table)}>
          {t('dashboard.downloadCsv', { table: table.caption })}
        </button>
      </div>
      <div className="dashboard-table-scroll">
        <table className="admin-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => {
                  const column = table.columns[j]!;
                  const text = formatCell(cell, column.kind, locale);
                  // The first column names the row: a header for the cells beside it.
                  return j === 0 ? (
                    <th key={column.key} scope="row" className={column.kind === 'text' ? undefined : 'num'}>
                      {text}
                    </th>
                  ) : (
                    <td key={column.key} className={column.kind === 'text' ? undefined : 'num'}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
