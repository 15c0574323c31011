import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { quizChoices } from './quizView.ts';
import { runActions } from './runActions.ts';
import { useQuizQuestion } from './useQuizQuestion.ts';

export function QuizStep({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const { question, given, selected, toggle, multiple, last, total } = useQuizQuestion(scenario, state);
  const views = quizChoices(question, given, selected, t);

  return (
    <main className="step quiz">
      <h1 className="eyebrow">
        {t('quiz.heading')} · {t('quiz.progress', { n: state.questionIndex + 1, total })}
      </h1>
      <fieldset className="question" disabled={given !== undefined}>
        <legend>
          <span className="prompt">{l(question.prompt)}</span>
          <span className="kind">{multiple ? t('quiz.multiple') : t('quiz.single')}</span>
        </legend>
        <ul className="choice-list">
          {question.choices.map((c, i) => {
            const { selected: isSelected, right: isRight, tags } = views[i]!;
            const marks = tags.length > 0 ? `${isRight ? '✔ ' : ''}${tags.join(' · ')}` : '';
            return (
              <li key={c.id}>
                <label className={`choice ${isSelected ? 'selected' : ''} ${given ? (isRight ? 'right' : 'wrong') : ''}`}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`q-${question.id}`}
                    value={c.id}
                    checked={isSelected}
                    onChange={() => toggle(c.id)}
                  />
                  <span>{l(c.label)}</span>
                  {marks && <span className="choice-mark">{marks}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {!given ? (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={selected.length === 0}
            onClick={() => runActions.answer(selected)}
          >
            {t('quiz.submit')}
          </button>
        </div>
      ) : (
        <div className={`explanation ${given.correct ? 'safe' : 'unsafe'}`} role="status">
          <p className="verdict">
            <span aria-hidden="true">{given.correct ? '✔ ' : '✘ '}</span>
            {given.correct ? t('quiz.correct') : t('quiz.incorrect')}
          </p>
          <p>{l(question.explanation)}</p>
          <button type="button" className="primary" onClick={runActions.nextQuestion}>
            {last ? t('quiz.finish') : t('quiz.next')}
          </button>
        </div>
      )}
    </main>
  );
}
