import { errorLocation } from '@ruyi/pack-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentResponse } from '../api/client.ts';
import { useContent } from '../stores/content.ts';
import { useProblemText } from '../admin/useProblemText.ts';

type Problem = ContentResponse['problems'][number];
const NONE: Problem[] = [];
const NO_IDS: string[] = [];

/**
 * In preview mode, the validator's messages over whatever screen is showing, as soon as a save breaks the content, while
 * the screen keeps the last valid version. The editor may close it; it comes back for other errors and goes away by
 * itself once the content is valid again. Visitors at a kiosk never see it: staff read problems on /operator.
 */
export function ContentProblems() {
  const { t } = useTranslation();
  const text = useProblemText();
  const preview = useContent((s) => s.preview);
  const problems = useContent((s) => (s.status === 'ready' ? s.content.problems : NONE));
  const stale = useContent((s) => (s.status === 'ready' ? s.stale : NO_IDS));
  const [closed, setClosed] = useState<Problem[] | null>(null);

  if (!preview || problems.length === 0 || closed === problems) return null;
  return (
    <div className="content-problems" role="alert" aria-labelledby="content-problems-title">
      <div className="content-problems-head">
        <h2 id="content-problems-title">{t('preview.problemsTitle')}</h2>
        <button type="button" onClick={() => setClosed(problems)}>
          {t('preview.close')}
        </button>
      </div>
      <p>{stale.length ? t('preview.stale', { packs: stale.join(', ') }) : t('preview.help')}</p>
      {problems.map((problem) => (
        <section key={problem.dir} aria-label={problem.dir}>
          <h3>{problem.dir === '.' ? 'park.yaml' : problem.dir}</h3>
          <ul>
            {problem.errors.map((e, i) => (
              <li key={i}>
                <code className="where">{errorLocation(e)}</code>
                {e.path && <code className="path">{e.path}</code>}
                <span className="message">{text(e)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
