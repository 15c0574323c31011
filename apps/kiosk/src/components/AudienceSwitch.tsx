import { useTranslation } from 'react-i18next';
import { useVisit } from '../stores/visit.ts';

/** The children's version of the pack's texts (simpler words where the pack has them), on or off for this visit. */
export function AudienceSwitch() {
  const { t } = useTranslation();
  const child = useVisit((s) => s.audience === 'child');
  const setAudience = useVisit((s) => s.setAudience);
  return (
    <button type="button" className="audience-switch" aria-pressed={child} onClick={() => setAudience(child ? 'general' : 'child')}>
      <span aria-hidden="true">{child ? '✔ ' : ''}</span>
      {t('app.childVersion')}
    </button>
  );
}
