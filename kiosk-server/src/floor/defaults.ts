// The default write budgets and disk floor (each one an environment variable in config.ts), and why these numbers.
//
// Size of a statement: Ruyi's own, made by @ruyi/xapi from a visit to the fire pack in content/, are 1.7–2.8 KB of
// JSON (scenario start 1.7, hazard found 2.0, answer and decision up to 2.8: each carries its activity's title and
// description in zh-CN and en). 16 KiB per statement on the device route is ~6× the largest, room for a pack in five
// languages with long texts, and still refuses the 1 MiB statements padded with extensions that filled a disk in
// an hour. xAPI clients are other tools and kiosk-servers forwarding whatever they hold: 64 KiB, well under the 1 MiB
// JSON body limit (attachments travel as multipart parts and are not counted).
//
// Rate on the device route: a busy kiosk makes ~150 visits × ~40 statements ≈ 6,000 statements (~15 MB) a day. At
// 3,000 a minute a day kept offline drains in about two minutes; 16 MiB a minute lets 3,000 statements of up to
// ~5.5 KB through. One address flooding stores at most that: 3,000 statements a minute instead of 119,000.
//
// Rate on /xapi: a hub stored ~4,500 statements a second (270,000 a minute) from one kiosk-server's backlog; 600,000
// a minute (10,000/s) and 1 GiB a minute never hold a forwarder back, and a client above them is not a kiosk-server.
//
// Disk floor: 1 GiB leaves room for SQLite's write-ahead log and checkpoints, logs and the OS; it is ~250,000
// statements' worth (~4 KB each on disk with their indexes), weeks of a busy park, so staff have time to act.
import type { WriteBudget } from './budget.ts';

export const MIB = 1024 * 1024;

export interface FloorConfig {
  /** POST /api/statements, per device (or per address before enrollment). */
  device: WriteBudget;
  /** PUT/POST /xapi/statements, per authenticated client. */
  xapi: WriteBudget;
  /** Free bytes below which every statement write answers 507; 0 turns the floor off. */
  diskFloorBytes: number;
}

export const DEFAULT_FLOOR: FloorConfig = {
  device: { statementsPerMinute: 3000, bytesPerMinute: 16 * MIB, statementBytes: 16 * 1024 },
  xapi: { statementsPerMinute: 600_000, bytesPerMinute: 1024 * MIB, statementBytes: 64 * 1024 },
  diskFloorBytes: 1024 * MIB,
};
