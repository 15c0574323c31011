// Made-up visits for statistics and benchmarks: see visits.ts.
export { generateVisits, visitStatements, type SeedPlan, type SeedVisit, type VisitOptions, type ClassSession, type SeedLocale, type StatementSetting } from './visits.ts';
export { CHANGCHUN_DISTRICTS, defaultParks, defaultSchools, singlePark, type SeedPark, type SeedSchool } from './population.ts';
export { dayNumber, dateOf, seedDay, visitsPerDay, dayWeight, SAFETY_MONTH_PEAK, PARK_UTC_OFFSET_MS, type SeedDay } from './calendar.ts';
export { difficultyModel, rightChance, playRun, type Difficulty, type Player } from './visitor.ts';
