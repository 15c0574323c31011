// The idle guard's warning, in the world (a headset shows no DOM): "Are you still there?" with the countdown, straight
// ahead of the visitor where it appeared, and a button that keeps the visit going.
import { useEffect, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasTexture, SRGBColorSpace } from 'three';
import { useVisit } from '../../stores/visit.ts';
import { fontCss, useFontsReady } from '../ui/fonts.ts';
import { wrapText } from '../ui/textLayout.ts';
import { COLOURS, PX_PER_M } from '../ui/theme.ts';
import { ComfortButton } from './ComfortButton.tsx';
import { head } from './head.ts';

const WIDTH = 0.5;
const HEIGHT = 0.2;
const DISTANCE = 0.85;

export function IdleNotice({ secondsLeft }: { secondsLeft: number }): JSX.Element {
  const { t } = useTranslation();
  // Where the visitor looks when the warning appears; it stays there (a modal that chased the head would be sickening).
  const [place] = useState(() => {
    const yaw = head.yaw;
    return { x: head.x - Math.sin(yaw) * DISTANCE, y: head.y - 0.08, z: head.z - Math.cos(yaw) * DISTANCE, yaw };
  });
  const title = t('vr.idle.title');
  const body = t('vr.idle.body', { seconds: secondsLeft });
  const fontsReady = useFontsReady(title + body);
  const canvas = useMemo(() => {
    const c = document.createElement('canvas');
    c.width = Math.round(WIDTH * PX_PER_M);
    c.height = Math.round(HEIGHT * PX_PER_M);
    return c;
  }, []);
  const texture = useMemo(() => {
    const tx = new CanvasTexture(canvas);
    tx.colorSpace = SRGBColorSpace;
    return tx;
  }, [canvas]);
  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const { width: w, height: h } = canvas;
    const pad = 36;
    ctx.clearRect(0, 0, w, h);
    ctx.beginPath();
    ctx.roundRect(3, 3, w - 6, h - 6, 28);
    ctx.fillStyle = COLOURS.panel;
    ctx.fill();
    ctx.lineWidth = 6;
    ctx.strokeStyle = COLOURS.accent;
    ctx.stroke();
    ctx.fillStyle = COLOURS.text;
    ctx.textBaseline = 'top';
    ctx.font = fontCss({ weight: 700 }, 48);
    ctx.fillText(title, pad, pad);
    ctx.font = fontCss({ weight: 400 }, 36);
    const lines = wrapText(body, w - 2 * pad, (s) => ctx.measureText(s).width);
    lines.slice(0, 3).forEach((line, i) => ctx.fillText(line, pad, pad + 72 + i * 50));
    texture.needsUpdate = true;
  }, [canvas, texture, title, body, fontsReady]);

  return (
    <group position={[place.x, place.y, place.z]} rotation={[0, place.yaw, 0]}>
      <mesh position={[0, 0.06, 0]}>
        <planeGeometry args={[WIDTH, HEIGHT]} />
        <meshBasicMaterial map={texture} transparent toneMapped={false} />
      </mesh>
      <ComfortButton id="button:idle-stay" label={t('vr.idle.stay')} width={0.26} height={0.075} position={[0, -0.095, 0.002]} onPress={() => useVisit.getState().touch()} />
    </group>
  );
}
