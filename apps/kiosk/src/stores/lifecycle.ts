// A visit's beginning and end. Ending clears everything of that visitor: run, answers, language.
import { record } from './recording.ts';
import { useRun } from './run.ts';
import { useVisit } from './visit.ts';

export function beginVisit(): void {
  if (useVisit.getState().visitId) return;
  useVisit.getState().begin();
  record({ type: 'visit-start' });
}

export function endVisit(reason: 'finished' | 'timeout'): void {
  if (useVisit.getState().visitId) record({ type: 'visit-end', reason });
  useRun.getState().clear();
  useVisit.getState().clear();
}
