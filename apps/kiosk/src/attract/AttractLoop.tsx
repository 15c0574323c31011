// The park's scenes, one area at a time: its drawing (moving gently), its name and its scenarios' titles, with the
// list of all areas beside it. Texts come from the content; the loop stops while the page is hidden and stays on one
// still scene under reduced motion.
import type { LocalizedText } from '@ruyi/pack-schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { useReducedMotion } from '../components/useReducedMotion.ts';
import { AreaArt } from './AreaArt.tsx';
import { loopRuns, nextScene, SCENE_MS } from './attractLoop.ts';
import { usePageVisible } from './usePageVisible.ts';

export interface LoopArea {
  id: string;
  name: LocalizedText;
  scenarios: LocalizedText[];
}

export function AttractLoop({ areas }: { areas: LoopArea[] }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  const visible = usePageVisible();
  const [index, setIndex] = useState(0);
  const runs = loopRuns({ count: areas.length, hidden: !visible, reducedMotion });

  useEffect(() => {
    if (!runs) return;
    const timer = window.setTimeout(() => setIndex((i) => nextScene(i, areas.length)), SCENE_MS);
    return () => window.clearTimeout(timer);
  }, [runs, index, areas.length]);

  const shown = areas[index % Math.max(1, areas.length)];
  if (!shown) return null;
  const live = !reducedMotion;
  return (
    <section className={`attract-stage ${visible ? '' : 'art-paused'}`} aria-label={t('attract.scenes')} data-motion={runs ? 'loop' : 'still'}>
      <figure className="attract-scene" key={shown.id} data-area={shown.id}>
        <div className="attract-scene-art">
          <AreaArt area={shown.id} live={live} />
        </div>
        <figcaption>
          <h2 className="attract-scene-name">{l(shown.name)}</h2>
          {shown.scenarios.length > 0 ? (
            <>
              <p className="attract-scene-label">{t('attract.inThisArea')}</p>
              <ul className="attract-scene-titles">
                {shown.scenarios.map((title, i) => (
                  <li key={i}>{l(title)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="attract-scene-label">{t('attract.opensSoon')}</p>
          )}
        </figcaption>
      </figure>
      <ol className="attract-areas" aria-label={t('attract.areas')}>
        {areas.map((area, i) => (
          <li key={area.id} className={i === index ? 'current' : ''} aria-current={i === index ? 'true' : undefined} data-area={area.id}>
            <AreaArt area={area.id} className="attract-area-icon" />
            <span>{l(area.name)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
