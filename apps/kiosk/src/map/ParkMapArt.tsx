// The park's ground under the pavilions: grass, the creek through the middle, the trail from pavilion to pavilion in
// the map's order, and trees where the paths meet. Drawn in cell units and stretched to the grid; decorative only.
import { creekTrack, trailPath, type MapGrid, type MapShape } from './mapLayout.ts';

export function ParkMapArt({ count, grid, shape }: { count: number; grid: MapGrid; shape: MapShape }) {
  const { columns: w, rows: h } = grid;
  const track = creekTrack(grid, shape);
  const split = track.axis === 'row' ? track.after < h : track.after < w;
  let creek = '';
  if (split && track.axis === 'row') {
    const y = track.after;
    creek = `M-0.2 ${y}` + Array.from({ length: w * 2 }, (_, i) => ` Q${i * 0.5 + 0.25} ${y + (i % 2 ? -0.08 : 0.08)} ${i * 0.5 + 0.5} ${y}`).join('');
  } else if (split) {
    const x = track.after;
    creek = `M${x} -0.2` + Array.from({ length: h * 2 }, (_, i) => ` Q${x + (i % 2 ? -0.08 : 0.08)} ${i * 0.5 + 0.25} ${x} ${i * 0.5 + 0.5}`).join('');
  }
  const trees: { x: number; y: number }[] = [];
  for (let x = 0; x <= w; x++)
    for (let y = 0; y <= h; y++) {
      const onCreek = split && (track.axis === 'row' ? y === track.after : x === track.after);
      if (!onCreek) trees.push({ x, y });
    }
  return (
    <svg className={`park-map-art park-map-art-${shape}`} viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <path d={trailPath(count, grid)} className="park-map-trail" fill="none" vectorEffect="non-scaling-stroke" />
      {creek && <path d={creek} className="park-map-creek" fill="none" vectorEffect="non-scaling-stroke" />}
      {creek && <path d={creek} className="park-map-creek-ripple" fill="none" vectorEffect="non-scaling-stroke" />}
      {trees.map((t) => (
        <ellipse key={`${t.x}-${t.y}`} className="park-map-tree" cx={t.x} cy={t.y} rx={0.07} ry={0.08} />
      ))}
    </svg>
  );
}
