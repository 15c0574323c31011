// The seed command's help, apart from its code (seed.ts), so `npm run admin` loads the generator and the stores only
// when seeding.
export const SEED_USAGE = `  seed --visits <n> | --statements <n> [--seed <n>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--district <code>]
  [--append] [--no-rollup] [--batch <n>] [--workers <n>]: fills the
  database (RUYI_DATA_DIR/ruyi.sqlite, or RUYI_DATABASE_URL's PostgreSQL) with <n> made-up visits of the installed
  packs, for trying the statistics and for benchmarks: never on a park's real data. Every statement is checked and
  stored as a kiosk's would be. Visits spread over the period (default: from 1 June of the year before the last
  safety month to yesterday) by weekday and season, with the June safety-month peak and school classes on school
  days. A kiosk-server seeds its own park (RUYI_PARK_IRI, in district --district, default 220104); a hub
  (RUYI_MODE=hub) six parks of the city. --seed (default 1) picks another set of visits. A database that holds
  statements is refused unless --append; the same command again with --append resumes an interrupted seeding
  (visits already stored are skipped). --batch <n>: visits per transaction (default 100); --workers <n>: threads that
  make the visits (default: one per core but one; 0: none). --statements <n>: about <n> statements instead of a number
  of visits. The statistics are rolled up before the command ends (--no-rollup: leave it to the server).`;
