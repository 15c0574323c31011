// The tables as Kysely sees them, one description for both dialects. Values are what both drivers give back once
// database.ts has set pg's parsers: numbers for integers, ISO 8601 strings for times. Flags are SqlBool: SQLite
// answers 0/1, PostgreSQL true/false; write 0/1 (PostgreSQL reads '1' and '0' as booleans), read with Boolean().
import type { CubeName, DimOf, MeasureOf } from '@ruyi/statistics';
import type { ColumnType, Generated, SqlBool } from 'kysely';

/** Filled in by the database when left out (a sequence, a default). */
type Auto<T> = Generated<T>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  /** ISO 8601. */
  applied_at: string;
}

export interface StatementsTable {
  /** The order stored. On PostgreSQL numbers may be skipped (a sequence never gives one back): never count by it. */
  seq: Auto<number>;
  id: string;
  body: string;
  stored: string;
  authority: string;
  client_id: number | null;
  verb_id: string;
  timestamp: string | null;
  registration: string | null;
  object_statement_id: string | null;
  voiding: ColumnType<SqlBool, SqlBool | undefined, SqlBool>;
  voided: ColumnType<SqlBool, SqlBool | undefined, SqlBool>;
  kind: string | null;
  visit_id: string | null;
  platform: string | null;
  locale: string | null;
  pack_id: string | null;
  scenario_id: string | null;
  area: string | null;
  run_id: string | null;
  score_scaled: number | null;
  passed: SqlBool | null;
  /** The device that posted it as the server established it (015_statement_device.sql). */
  device: ColumnType<string | null, string | null | undefined, string | null>;
  /** The version of the loaded pack admission checked it against. */
  pack_version: ColumnType<string | null, string | null | undefined, string | null>;
}

/** PostgreSQL only: a statement id is unique across every partition of `statements` (see 001_xapi.sql). */
export interface StatementIdsTable {
  id: string;
  seq: number;
  stored: string;
}

/** Each agent key once (both dialects); statements refer to it by id. */
export interface StatementAgentKeysTable {
  id: Auto<number>;
  key: string;
}

/** Each activity IRI once (both dialects). */
export interface StatementActivityIrisTable {
  id: Auto<number>;
  iri: string;
}

export interface StatementAgentRefsTable {
  agent: number;
  seq: number;
  /** PostgreSQL only (the partition key); absent on SQLite. */
  stored?: string;
  /** The actor or object (every reference is related). */
  direct: SqlBool;
}

export interface StatementActivityRefsTable {
  activity: number;
  seq: number;
  /** PostgreSQL only (the partition key); absent on SQLite. */
  stored?: string;
  /** The object (every reference is related). */
  direct: SqlBool;
}

export interface AttachmentsTable {
  sha2: string;
  content_type: string;
  content: Buffer;
}

export interface XapiClientsTable {
  id: Auto<number>;
  name: string;
  role: 'kiosk' | 'hub' | 'reader';
  key: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** The district (6-digit division code) a park's client's statements count in, on a hub; null: not set. */
  district: string | null;
  /** The park (its id) a park's client's statements count in, whatever they claim; null: in no park. */
  park: string | null;
}

/** The staff password's scrypt hash: one row at most (id 1). */
export interface AdminCredentialTable {
  id: number;
  algorithm: string;
  /** JSON: { N, r, p, keyLength }. */
  params: string;
  salt: string;
  hash: string;
  updated_at: string;
}

/** Staff sessions, by the SHA-256 of their token, so every hub process knows each one. */
export interface StaffSessionsTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** The account it was opened for; null only for a row no account owns (refused). */
  account_id: number | null;
}

/** Named staff accounts (admin/accounts.ts): a role, a scope, a scrypt hash. */
export interface StaffAccountsTable {
  id: Auto<number>;
  login: string;
  role: 'admin' | 'operator' | 'analyst' | 'teacher';
  scope_kind: 'city' | 'district' | 'park' | 'school';
  /** '' for the city. */
  scope_id: string;
  algorithm: string;
  /** JSON: { N, r, p, keyLength }. */
  params: string;
  salt: string;
  hash: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SyncStateTable {
  target: string;
  cursor: ColumnType<number, number | undefined, number>;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  last_error_status: number | null;
  stopped_at: string | null;
  stopped_reason: string | null;
  stopped_credentials: string | null;
}

export interface SyncQuarantineTable {
  target: string;
  seq: number;
  statement_id: string;
  status: number;
  reason: string;
  quarantined_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  discarded_at: string | null;
}

/** The xAPI State, Activity Profile and Agent Profile documents; a scope part a resource does not use is ''. */
export interface XapiDocumentsTable {
  kind: 'state' | 'activity-profile' | 'agent-profile';
  activity_id: string;
  agent: string;
  registration: string;
  doc_id: string;
  owner: number;
  content: Buffer;
  content_type: string;
  etag: string;
  /** Milliseconds since the epoch. */
  updated: number;
}

export interface FleetDevicesTable {
  key: string;
  binding: 'enrolled' | 'address';
  device_id: string;
  enrolled_id: string | null;
  address: string;
  received_at: string;
  /** JSON text. */
  heartbeat: string;
}

export interface FleetServersTable {
  client: string;
  address: string;
  received_at: string;
  /** JSON text. */
  heartbeat: string;
}

export interface DevicesTable {
  id: string;
  label: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface DeviceCodesTable {
  code_hash: string;
  label: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

/** A class visit (classes/): its join code, school, grade and class, the teacher's account, when it closes. */
export interface ClassSessionsTable {
  id: string;
  code: string;
  school: string;
  grade: number;
  label: string;
  teacher_id: number;
  opened_at: string;
  closes_at: string;
  closed_at: string | null;
  joined: number;
}

/** A join code a school's classes were given, kept for good: never drawn again for that school. */
export interface ClassCodesUsedTable {
  school: string;
  code: string;
}

/** A student's seat in a class: a number, a platform, the SHA-256 of its token. */
export interface ClassSeatsTable {
  class_id: string;
  seat: number;
  token_hash: string;
  platform: string;
  joined_at: string;
  last_seen_at: string;
}

/** Which visit played at which seat. */
export interface ClassSeatVisitsTable {
  class_id: string;
  visit_id: string;
  seat: number;
}

/** A completion certificate as issued (the visit only as a SHA-256). */
export interface CertificatesTable {
  id: string;
  visit_hash: string;
  scenario: string;
  completed_on: string;
  park: string;
  school: string | null;
  grade: number | null;
  label: string | null;
  passed: SqlBool;
  score: number | null;
  created_at: string;
}

/** A Ruyi statement's statistics facts (statistics/facts.ts), written when it is rolled up. */
export interface StatementFactsTable {
  seq: number;
  at: string;
  kind: string;
  visit_id: string;
  run_id: string | null;
  park: string | null;
  district: string | null;
  school: string | null;
  class_session: string | null;
  device: string | null;
  platform: string;
  locale: string;
  pack_id: string | null;
  pack_version: string | null;
  scenario_id: string | null;
  area: string | null;
  step_id: string | null;
  item_type: string | null;
  item: string | null;
  choice: string | null;
  correct: SqlBool | null;
  score_scaled: number | null;
  passed: SqlBool | null;
  duration_ms: number | null;
}

export interface StatCursorTable {
  id: number;
  seq: number;
  /** Times the statistics were counted again from the first statement (statistics/recount.ts). */
  recounts: Generated<number>;
}

export interface StatReplayMemoryTable {
  visit_id: string;
  scenario: string;
  score_units: number;
  passed: SqlBool;
  paired: SqlBool;
}

/** camelCase to snake_case, as the cubes' columns are named. */
type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;
/** A cube of @ruyi/statistics as its table: the dimensions (text, '' for none), then the counters. */
export type CubeTable<C extends CubeName> = { [D in DimOf<C> as Snake<D>]: string } & { [M in MeasureOf<C> as Snake<M>]: Generated<number> };

export interface RuyiDatabase {
  schema_migrations: SchemaMigrationsTable;
  statements: StatementsTable;
  statement_ids: StatementIdsTable;
  statement_agent_keys: StatementAgentKeysTable;
  statement_activity_iris: StatementActivityIrisTable;
  statement_agent_refs: StatementAgentRefsTable;
  statement_activity_refs: StatementActivityRefsTable;
  attachments: AttachmentsTable;
  xapi_clients: XapiClientsTable;
  admin_credential: AdminCredentialTable;
  staff_sessions: StaffSessionsTable;
  staff_accounts: StaffAccountsTable;
  sync_state: SyncStateTable;
  sync_quarantine: SyncQuarantineTable;
  xapi_documents: XapiDocumentsTable;
  fleet_devices: FleetDevicesTable;
  fleet_servers: FleetServersTable;
  devices: DevicesTable;
  device_codes: DeviceCodesTable;
  class_sessions: ClassSessionsTable;
  class_codes_used: ClassCodesUsedTable;
  class_seats: ClassSeatsTable;
  class_seat_visits: ClassSeatVisitsTable;
  certificates: CertificatesTable;
  statement_facts: StatementFactsTable;
  stat_cursor: StatCursorTable;
  stat_replay_memory: StatReplayMemoryTable;
  stat_days: CubeTable<'days'>;
  stat_scenarios: CubeTable<'scenarios'>;
  stat_platforms: CubeTable<'platforms'>;
  stat_devices: CubeTable<'devices'>;
  stat_items: CubeTable<'items'>;
  stat_steps: CubeTable<'steps'>;
  stat_replays: CubeTable<'replays'>;
}
