// One quiz question on a screen: radio buttons or check boxes (in this run's order), then the verdict and explanation.
import type { JSX } from 'react';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { quizChoices } from './quizView.ts';
import { useQuizQuestion } from './useQuizQuestion.ts';

export function Touch(props: StepViewProps<'quiz'>): JSX.Element {
  // A question's ticks belong to that question: a new one starts with none.
  return <Question key={props.state.index} {...props} />;
}

function Question({ step, state, env, dispatch }: StepViewProps<'quiz'>): JSX.Element {
  const { t, k, l } = useMechanicText('quiz');
  const { question, choices, given, selected, toggle, multiple, last, n, total } = useQuizQuestion(step, state, env.seed);
  const views = quizChoices(question, choices, given, selected, t);

  return (
    <main className="step quiz">
      <h1 className="eyebrow">
        {k('heading')} · {k('progress', { n, total })}
      </h1>
      <fieldset className="question" disabled={given !== undefined}>
        <legend>
          <span className="prompt">{l(question.prompt)}</span>
          <span className="kind">{multiple ? k('multiple') : k('single')}</span>
        </legend>
        <ul className="choice-list">
          {views.map(({ choice: c, selected: isSelected, right: isRight, tags }) => {
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
      {!given && <NarrationButton text={[l(question.prompt), ...views.map((v) => l(v.choice.label))].join('\n')} what={t('narration.question')} />}
      {!given ? (
        <div className="actions">
          <button type="button" className="primary" disabled={selected.length === 0} onClick={() => dispatch({ type: 'answer', choiceIds: selected })}>
            {k('submit')}
          </button>
        </div>
      ) : (
        <div className={`explanation ${given.correct ? 'safe' : 'unsafe'}`} role="status">
          <p className="verdict">
            <span aria-hidden="true">{given.correct ? '✔ ' : '✘ '}</span>
            {given.correct ? k('correct') : k('incorrect')}
          </p>
          <p>{l(question.explanation)}</p>
          <NarrationButton text={[given.correct ? k('correct') : k('incorrect'), l(question.explanation)].join('\n')} what={t('narration.feedback')} />
          <button type="button" className="primary" onClick={() => dispatch({ type: 'next' })}>
            {last ? k('finish') : k('next')}
          </button>
        </div>
      )}
    </main>
  );
}
