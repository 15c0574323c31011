import { useTranslation } from 'react-i18next';
import { Chart } from './Chart.tsx';
import { formatCell } from './format.ts';
import type { DashboardModel, TableModel } from './model.ts';
import { ReportTable } from './ReportTable.tsx';

export interface ReportViewProps {
  model: DashboardModel;
  locale: string;
  onDownload: (table: TableModel) => void;
}

/** The report's headline figures, then each section: its chart (an image named in words) and its tables. */
export function ReportView({ model, locale, onDownload }: ReportViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <section className="dashboard-section dashboard-headlines" aria-labelledby="dashboard-headlines">
        <h2 id="dashboard-headlines">{t('dashboard.headlines')}</h2>
        <dl>
          {model.headlines.map((h) => (
            <div key={h.key} data-headline={h.key}>
              <dt>{h.label}</dt>
              <dd className="dashboard-figure">{formatCell(h.value, h.kind, locale)}</dd>
              <dd className="dashboard-previous">{t('dashboard.previous', { value: formatCell(h.previous, h.kind, locale) })}</dd>
            </div>
          ))}
        </dl>
      </section>
      {model.sections.map((s) => (
        <section key={s.id} className="dashboard-section" aria-labelledby={`dashboard-${s.id}`} data-section={s.id}>
          <h2 id={`dashboard-${s.id}`}>{s.title}</h2>
          {s.note ? <p className="dashboard-note">{s.note}</p> : null}
          {s.chart ? (
            <figure className="dashboard-figure-box">
              <Chart chart={s.chart} locale={locale} />
              <figcaption className="dashboard-note">{t('dashboard.chartTable')}</figcaption>
            </figure>
          ) : null}
          {s.tables.map((table) => (
            <ReportTable key={table.id} table={table} locale={locale} onDownload={onDownload} />
          ))}
        </section>
      ))}
    </>
  );
}
