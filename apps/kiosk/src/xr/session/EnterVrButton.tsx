// The DOM "Enter VR" button: shown only where the browser can show immersive VR, enabled once a VR view is bound to
// its renderer. The tap itself calls requestSession (it needs the tap's user activation).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useXr } from '../state.ts';
import { useImmersiveVrSupported } from './useImmersiveVr.ts';
import { enterVr } from './xrSession.ts';

export function EnterVrButton({ className = 'primary' }: { className?: string }): JSX.Element | null {
  const { t } = useTranslation();
  const supported = useImmersiveVrSupported();
  const canEnter = useXr((s) => s.canEnter);
  const [status, setStatus] = useState<'idle' | 'entering' | 'failed'>('idle');
  if (!supported) return null;
  const enter = () => {
    setStatus('entering');
    enterVr().then(
      () => setStatus('idle'),
      (error: unknown) => {
        // Declined, or the headset is asleep: the visitor can try again; staff find the reason in the console.
        console.warn('Ruyi: could not enter VR:', error);
        setStatus('failed');
      },
    );
  };
  return (
    <>
      <button type="button" className={className} disabled={!canEnter || status === 'entering'} onClick={enter}>
        {t('vr.enter')}
      </button>
      {status === 'failed' && (
        <p className="vr-enter-failed" role="alert">
          {t('vr.enterFailed')}
        </p>
      )}
    </>
  );
}
