// @ruyi/statistics: the statistics of safety education kept as statements arrive (pure: no database, no HTTP). The
// kiosk-server supplies the facts of each stored statement and keeps the cubes in its store.
export { CHINA_OFFSET_MINUTES, dayOf, type FactKind, type StatFact } from './facts.ts';
export { periodSegments, scopeFilter, selectRows, type Scope, type Segment } from './period.ts';
export {
  ALL_DISTRICTS,
  ALL_PARKS,
  ALL_SCHOOLS,
  contributionsOf,
  hasAllSchools,
  monthOf,
  CUBE_NAMES,
  CUBES,
  CubeTotals,
  memoryReplays,
  rollUp,
  scenarioKey,
  SCORE_UNIT,
  scoreUnits,
  type Contribution,
  type CubeKey,
  type CubeMeasures,
  type CubeName,
  type CubeRow,
  type DimOf,
  type Levels,
  type MeasureOf,
  type ReplayMemory,
} from './cubes.ts';
export {
  figuresBy,
  hazardFigures,
  isoWeek,
  itemFigures,
  rankUnits,
  replayFigures,
  totals,
  type HazardFigures,
  type ItemFigures,
  type RankedUnit,
  type ReplayFigures,
  type RunFigures,
} from './reports.ts';
