import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { screenDevice } from '../stores/device.ts';
import { joinClass, JoinRefused } from './api.ts';
import { isComplete, JOIN_ALPHABET, JOIN_CODE_LENGTH, normalizeTyped, pressKey, spacedCode } from './code.ts';
import type { JoinedSeat } from './membership.ts';
import './classes.css';

type State = { kind: 'typing' } | { kind: 'working' } | { kind: 'failed'; text: string };

/**
 * The join keypad: kiosks have no keyboard, so every character of the codes' alphabet is a large key; a school PC's
 * keyboard types (and pastes) into the same code. The server gives a seat in the teacher's class for `platform`; the
 * caller decides which visit it belongs to (`onJoined`).
 */
export default function JoinDialog({
  initialCode,
  platform = screenDevice,
  onJoined,
  onClose,
}: {
  initialCode: string | null;
  /** What the seat is taken on, as the teacher's list shows it (a VR station's seat is 'vr' before its session starts). */
  platform?: 'kiosk' | 'web' | 'vr';
  onJoined: (seat: JoinedSeat) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [code, setCode] = useState(() => normalizeTyped(initialCode ?? '').code);
  const [refused, setRefused] = useState<string[]>([]);
  const [state, setState] = useState<State>({ kind: 'typing' });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    first.current?.focus();
    return () => d?.close();
  }, []);

  const edit = (next: string) => {
    if (state.kind === 'working') return;
    setCode(next);
    setRefused([]);
    if (state.kind === 'failed') setState({ kind: 'typing' });
  };

  const submit = async () => {
    if (!isComplete(code) || state.kind === 'working') return;
    setState({ kind: 'working' });
    try {
      const joined = await joinClass(code, platform);
      const { classId, classCode, seat, token, school, grade, label, closesAt } = joined;
      onJoined({ classId, classCode, seat, token, school, grade, label, closesAt });
    } catch (error) {
      const text =
        error instanceof JoinRefused ? t(`classes.join.error.${error.reason}`, { message: error.message }) : t('classes.join.error.other', { message: String(error) });
      setState({ kind: 'failed', text });
      first.current?.focus();
    }
  };

  // A keyboard (school PCs) types, deletes and submits; the keys below do the same by touch.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Backspace') {
      event.preventDefault();
      edit(pressKey(code, { kind: 'backspace' }));
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      event.preventDefault();
      void submit();
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      event.preventDefault();
      const typed = normalizeTyped(event.key);
      if (typed.refused.length) {
        setRefused(typed.refused);
        return;
      }
      if (typed.code) edit(pressKey(code, { kind: 'char', char: typed.code }));
    }
  };

  const slots = Array.from({ length: JOIN_CODE_LENGTH }, (_, i) => code[i] ?? '');
  const complete = isComplete(code);
  return (
    <dialog
      ref={dialog}
      className="dialog join-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      onPaste={(e) => {
        const typed = normalizeTyped(e.clipboardData.getData('text'));
        e.preventDefault();
        setRefused(typed.refused);
        setCode(typed.code);
      }}
    >
      <h2 id={`${id}-title`}>{t('classes.join.title')}</h2>
      {initialCode ? <p>{t('classes.join.fromLink')}</p> : null}
      <p className="join-code-slots" data-testid="join-code">
        <span className="classes-visually-hidden">{t('classes.join.typed', { code: spacedCode(code) || '–', typed: code.length, length: JOIN_CODE_LENGTH })}</span>
        {slots.map((ch, i) => (
          <span key={i} className={`join-code-slot ${ch ? 'filled' : ''}`} aria-hidden="true">
            {ch}
          </span>
        ))}
      </p>
      <div className="join-keypad" role="group" aria-label={t('classes.join.keypad')}>
        {[...JOIN_ALPHABET].map((ch, i) => (
          <button
            key={ch}
            ref={i === 0 ? first : undefined}
            type="button"
            className="join-key"
            onClick={() => edit(pressKey(code, { kind: 'char', char: ch }))}
          >
            {ch}
          </button>
        ))}
        <button type="button" className="join-key join-key-wide" onClick={() => edit(pressKey(code, { kind: 'backspace' }))} aria-label={t('classes.join.backspace')}>
          <span aria-hidden="true">⌫</span>
        </button>
        <button type="button" className="join-key join-key-wide" onClick={() => edit(pressKey(code, { kind: 'clear' }))}>
          {t('classes.join.clear')}
        </button>
      </div>
      <div aria-live="polite" className="join-messages">
        {refused.length ? <p className="join-error">{t('classes.join.refusedChars', { chars: refused.join(' ') })}</p> : null}
        {state.kind === 'failed' ? (
          <p className="join-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {state.text}
          </p>
        ) : null}
      </div>
      <div className="join-actions">
        <button type="button" onClick={onClose}>
          {t('classes.join.cancel')}
        </button>
        <button type="button" className="primary" disabled={!complete || state.kind === 'working'} onClick={() => void submit()}>
          {state.kind === 'working' ? t('classes.join.working') : t('classes.join.submit')}
        </button>
      </div>
    </dialog>
  );
}
