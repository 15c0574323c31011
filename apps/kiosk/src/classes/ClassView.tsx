import { localize, type LocalizedText } from '@ruyi/pack-schema';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../admin/api.ts';
import { ConfirmDialog } from '../admin/ConfirmDialog.tsx';
import { DeviceQr } from '../admin/DeviceQr.tsx';
import { StatusMessage } from '../admin/StatusMessage.tsx';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import type { ContentResponse } from '../api/client.ts';
import { classCsv, closeClass, getClassReport, type ClassReport } from './api.ts';
import { spacedCode } from './code.ts';
import { finishedCount, percent, studentRows, weakestRows } from './report.ts';
import { useClassWords } from './useClassWords.ts';

/** How often an open class is read again: students join and finish within minutes, a few seconds late is fine. */
export const LIVE_REFRESH_MS = 4000;

/** One class: its join code and QR code while open, the class live, closing it, and its report (CSV, print). */
export function ClassView({ token, classId, content, onBack, onUnauthorized }: { token: string; classId: string; content: ContentResponse; onBack: () => void; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const words = useClassWords();
  const id = useId();
  const [report, setReport] = useState<ClassReport | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [readAt, setReadAt] = useState<string | null>(null);
  const open = report?.class.open ?? true;

  const read = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const next = await getClassReport(token, classId, signal);
        setReport(next);
        setReadError(null);
        setReadAt(new Date().toISOString());
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof AdminApiError && error.status === 401) return onUnauthorized();
        setReadError(errorText(error));
      }
    },
    // errorText follows the language only.
    [token, classId, onUnauthorized],
  );

  // Read now, then every few seconds while the class is open; a closed class is read once (its report is final).
  useEffect(() => {
    const abort = new AbortController();
    let timer: number | undefined;
    const loop = async () => {
      await read(abort.signal);
      if (!abort.signal.aborted && open) timer = window.setTimeout(() => void loop(), LIVE_REFRESH_MS);
    };
    void loop();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [read, open]);

  const close = async () => {
    setConfirming(false);
    setBusy(true);
    setMessage(null);
    try {
      await closeClass(token, classId);
      setMessage({ text: t('classes.closedNotice', { class: report ? words.className(report.class) : '' }), error: false });
      await read();
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) return onUnauthorized();
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!report) return;
    try {
      const blob = await classCsv(token, classId);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `class-${report.class.school}-${report.class.code}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      // The browser has the download once the click is handled; the address can go after this task.
      window.setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) return onUnauthorized();
      setMessage({ text: errorText(error), error: true });
    }
  };

  if (!report)
    return (
      <section>
        {readError ? (
          <p className="admin-error" role="alert">
            {readError}
          </p>
        ) : (
          <p aria-busy="true">{t('admin.loading')}</p>
        )}
        <button type="button" onClick={onBack}>
          {t('classes.back')}
        </button>
      </section>
    );

  const c = report.class;
  const name = words.className(c);
  const joinUrl = `${window.location.origin}${c.joinPath}`;
  const rows = studentRows(report.students);
  const { finished, seats } = finishedCount(report);
  const l = (text: LocalizedText) => localize(text, words.locale);
  const weak = weakestRows(report.weakest, content.packs, l);

  return (
    <article className="class-view" aria-labelledby={`${id}-title`}>
      <div className="class-view-head">
        <h2 id={`${id}-title`}>{name}</h2>
        <p>
          {c.open ? t('classes.openUntil', { time: words.time(c.closesAt) }) : t('classes.closedAt', { time: words.time(c.closedAt ?? c.closesAt) })}
          {' · '}
          {t('classes.openedAt', { time: words.time(c.openedAt) })}
        </p>
        <button type="button" className="no-print" onClick={onBack}>
          {t('classes.back')}
        </button>
      </div>
      <StatusMessage message={message} />

      {c.open ? (
        <section className="class-join no-print" aria-labelledby={`${id}-join`}>
          <h3 id={`${id}-join`}>{t('classes.joinHeading')}</h3>
          <div className="class-join-body">
            <div>
              <p className="class-code" data-testid="class-code">
                {spacedCode(c.code)}
              </p>
              <p>{t('classes.joinHint')}</p>
              <p className="class-join-url">{joinUrl}</p>
            </div>
            <DeviceQr text={joinUrl} label={t('classes.qrLabel', { class: name, url: joinUrl })} size={260} />
          </div>
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('classes.close')}
          </button>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-live`}>
        <h3 id={`${id}-live`}>{c.open ? t('classes.liveHeading') : t('classes.reportHeading')}</h3>
        <p role="status" className="class-summary" data-testid="class-summary">
          {t('classes.summary', { seats, finished })}
        </p>
        {readError ? (
          <p className="admin-error" role="alert">
            {readError}
          </p>
        ) : null}
        {c.open && readAt ? <p className="classes-hint no-print">{t('classes.refreshed', { time: words.clock(readAt) })}</p> : null}
        {rows.length === 0 ? (
          <p>{t('classes.noStudents')}</p>
        ) : (
          <table className="class-students">
            <caption className="classes-visually-hidden">{t('classes.studentsCaption', { class: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classes.col.seat')}</th>
                <th scope="col">{t('classes.col.platform')}</th>
                <th scope="col">{t('classes.col.progress')}</th>
                <th scope="col">{t('classes.col.score')}</th>
                <th scope="col">{t('classes.col.finished')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seat} data-seat={r.seat}>
                  <th scope="row">{t('classes.seat', { seat: r.seat })}</th>
                  <td>{words.platform(r.platform)}</td>
                  <td>{t('classes.progress', { completed: r.completed, started: r.started, passed: r.passed })}</td>
                  <td>{percent(r.averageScore, words.locale)}</td>
                  <td className={r.finished ? 'class-finished' : 'class-playing'}>
                    <span aria-hidden="true">{r.finished ? '✔ ' : '… '}</span>
                    {r.finished ? t('classes.finished') : t('classes.playing')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${id}-weak`}>
        <h3 id={`${id}-weak`}>{t('classes.weakestHeading')}</h3>
        {weak.length === 0 ? (
          <p>{t('classes.weakestNone')}</p>
        ) : (
          <table className="class-weakest">
            <thead>
              <tr>
                <th scope="col">{t('classes.col.question')}</th>
                <th scope="col">{t('classes.col.scenario')}</th>
                <th scope="col">{t('classes.col.answers')}</th>
                <th scope="col">{t('classes.col.correct')}</th>
                <th scope="col">{t('classes.col.topWrong')}</th>
              </tr>
            </thead>
            <tbody>
              {weak.map((w) => (
                <tr key={w.key}>
                  <th scope="row">{w.question}</th>
                  <td>{w.scenario}</td>
                  <td>{w.answered}</td>
                  <td>{percent(w.correctRate, words.locale)}</td>
                  <td>{w.topWrong ? t('classes.topWrong', { text: w.topWrong.text, n: w.topWrong.n }) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="class-actions no-print">
        <button type="button" onClick={() => void download()}>
          <span aria-hidden="true">⤓ </span>
          {t('classes.csv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          <span aria-hidden="true">🖨 </span>
          {t('classes.print')}
        </button>
      </div>

      {confirming ? (
        <ConfirmDialog message={t('classes.confirmClose', { class: name })} confirmLabel={t('classes.close')} onConfirm={() => void close()} onCancel={() => setConfirming(false)} />
      ) : null}
    </article>
  );
}
