import { useTranslation } from 'react-i18next';
import type { ContentResponse } from '../api/client.ts';
import { ProblemTable } from '../components/ProblemTable.tsx';
import { useLocalize } from '../components/useLocalize.ts';

/** For park staff: which packs are live and, for a broken one, exactly what an editor must fix. */
export function OperatorScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const l = useLocalize();
  return (
    <main className="screen operator">
      <h1>{t('operator.title')}</h1>
      <h2>{t('operator.packs')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">{t('operator.version')}</th>
            <th scope="col">{t('operator.area')}</th>
            <th scope="col">{t('operator.scenarios')}</th>
          </tr>
        </thead>
        <tbody>
          {content.packs.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.version}</td>
              <td>{p.area}</td>
              <td>{p.scenarios.map((s) => `${s.id} (${l(s.title)})`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('operator.problems')}</h2>
      {content.problems.length === 0 ? (
        <p>{t('operator.noProblems')}</p>
      ) : (
        content.problems.map((problem) => (
          <section key={problem.dir} className="problem" aria-label={problem.dir}>
            <h3>{problem.dir}</h3>
            <ProblemTable problems={problem.errors} />
          </section>
        ))
      )}
    </main>
  );
}
