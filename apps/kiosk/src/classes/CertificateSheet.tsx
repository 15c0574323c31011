import type { CertificateView } from '@ruyi/api-contract';
import { useTranslation } from 'react-i18next';
import { DeviceQr } from '../admin/DeviceQr.tsx';

export interface SheetWords {
  park: string;
  scenario: string;
}

/** A day of the park's calendar (YYYY-MM-DD) as the language writes dates. */
export const dayText = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * The certificate as printed on A4: the park, the scenario, the day, the class (grade and label) and a QR code of its
 * address on this server, where anyone can check it. Nothing of the student: no name, no seat, no visit.
 */
export function CertificateSheet({ id, view, words }: { id: string; view: CertificateView; words: SheetWords }) {
  const { t, i18n } = useTranslation();
  const url = `${window.location.origin}/certificate/${id}`;
  const className = view.grade !== undefined && view.label ? t('classes.className', { grade: view.grade, label: view.label }) : null;
  return (
    <article className="certificate" aria-labelledby="certificate-title" data-testid="certificate">
      <p className="certificate-park">{words.park}</p>
      <h2 id="certificate-title" className="certificate-title">
        {t('classes.certificate.title')}
      </h2>
      <p className="certificate-body">
        {className
          ? t('classes.certificate.bodyClass', { class: className, scenario: words.scenario })
          : t('classes.certificate.body', { scenario: words.scenario })}
      </p>
      <p className="certificate-scenario">{words.scenario}</p>
      <dl className="certificate-facts">
        <div>
          <dt>{t('classes.certificate.date')}</dt>
          <dd>{dayText(view.completedOn, i18n.language)}</dd>
        </div>
        {className ? (
          <div>
            <dt>{t('classes.certificate.class')}</dt>
            <dd>{className}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('classes.certificate.result')}</dt>
          <dd>
            <span aria-hidden="true">{view.passed ? '✔ ' : '○ '}</span>
            {view.passed ? t('classes.certificate.passed') : t('classes.certificate.completed')}
          </dd>
        </div>
      </dl>
      <div className="certificate-check">
        <DeviceQr text={url} label={t('classes.certificate.qr', { url })} size={160} />
        <p>
          {t('classes.certificate.verifyHint')}
          <br />
          <span className="certificate-id">{t('classes.certificate.id', { id })}</span>
        </p>
      </div>
    </article>
  );
}
