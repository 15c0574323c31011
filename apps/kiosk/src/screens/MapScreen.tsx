import { useEffect, type CSSProperties } from 'react';
import type { ContentResponse } from '../api/client.ts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { AreaArt } from '../attract/AreaArt.tsx';
import { AudienceSwitch } from '../components/AudienceSwitch.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { creekLine, gridLines, gridTemplate, mapGrid, placeArea, type MapShape } from '../map/mapLayout.ts';
import '../map/map.css';
import { ParkMapArt } from '../map/ParkMapArt.tsx';
import { parkAreas } from '../map/parkAreas.ts';
import { beginVisit, endVisit } from '../stores/lifecycle.ts';

const SHAPES: MapShape[] = ['landscape', 'portrait'];
const suffix = (shape: MapShape) => (shape === 'landscape' ? 'l' : 'p');

export function MapScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const [, navigate] = useLocation();
  const park = content.park!;
  // Reaching the map by URL (a reload, a bookmark) is a visit too.
  useEffect(beginVisit, []);
  const finish = () => {
    endVisit('finished');
    navigate('/');
  };
  const areas = parkAreas(park.areas, content.packs);
  // Both layouts are laid out here and CSS picks one by the screen's orientation, so turning a screen needs no render.
  const grids = { landscape: mapGrid(areas.length, 'landscape'), portrait: mapGrid(areas.length, 'portrait') };
  const mapStyle: Record<string, string> = {};
  for (const shape of SHAPES) {
    const template = gridTemplate(grids[shape], shape);
    mapStyle[`--map-columns-${suffix(shape)}`] = template.columns;
    mapStyle[`--map-rows-${suffix(shape)}`] = template.rows;
    const line = creekLine(grids[shape], shape);
    mapStyle[`--creek-line-${suffix(shape)}`] = String(line ?? 1);
  }
  return (
    <div className="screen park-map-screen">
      <header className="topbar">
        <p className="park-name">{l(park.name)}</p>
        <LanguageSwitch />
        <AudienceSwitch />
        <button type="button" onClick={finish}>
          {t('map.finish')}
        </button>
      </header>
      <main className="park-map-main">
        <div className="park-map-heading">
          <h1>{t('map.title')}</h1>
          <p className="lead">{t('map.intro')}</p>
        </div>
        <div className="park-map" style={mapStyle as CSSProperties}>
          {SHAPES.map((shape) => (
            <ParkMapArt key={shape} count={areas.length} grid={grids[shape]} shape={shape} />
          ))}
          <div className="park-map-grid">
          <p className="park-map-creek-label">{t('map.creek')}</p>
          <ol className="park-map-areas">
            {areas.map(({ area, scenarios, open }, i) => {
              const place: Record<string, string> = {};
              for (const shape of SHAPES) {
                const lines = gridLines(placeArea(i, grids[shape]), grids[shape], shape);
                place[`--col-${suffix(shape)}`] = String(lines.column);
                place[`--row-${suffix(shape)}`] = String(lines.row);
              }
              return (
                <li
                  key={area.id}
                  className={`area-card pavilion ${open ? 'open' : 'closed'} ${scenarios.length === 1 ? 'single' : ''}`}
                  data-area={area.id}
                  style={place as CSSProperties}
                >
                  <div className="pavilion-head">
                    <AreaArt area={area.id} className="pavilion-art" />
                    <div className="pavilion-text">
                      <h2>{l(area.name)}</h2>
                      <p className="pavilion-description">{l(area.description)}</p>
                    </div>
                  </div>
                  {open ? (
                    <ul className="scenario-list">
                      {scenarios.map(({ pack, scenario }) => (
                        <li key={`${pack.id}/${scenario.id}`}>
                          <Link className="button primary" href={`/play/${pack.id}/${scenario.id}`}>
                            <svg className="scenario-play-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                              <path d="M5 3 l12 7 l-12 7 z" fill="currentColor" />
                            </svg>
                            <span>{t('map.play', { title: l(scenario.title) })}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="coming-soon">
                      <svg className="closed-sign" viewBox="0 0 40 24" aria-hidden="true" focusable="false">
                        <rect x="2" y="4" width="36" height="10" rx="2" fill="#ffb020" />
                        <path d="M8 4 l-6 10 M18 4 l-6 10 M28 4 l-6 10 M38 4 l-6 10" stroke="#0b1524" strokeWidth="3" />
                        <path d="M8 14 v10 M32 14 v10" stroke="#c9d5e6" strokeWidth="3" />
                      </svg>
                      <span>{t('map.comingSoon')}</span>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          </div>
        </div>
      </main>
    </div>
  );
}
