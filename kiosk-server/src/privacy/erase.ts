// Erasing one visit's or one agent's statements for good (not voiding: a voided statement keeps its content). The
// statements that refer to an erased one (a voiding statement's StatementRef) go with it. Only this server's file
// changes: what was already forwarded to a hub or another LRS stays there, and the caller is told how much that is.
import type Database from 'better-sqlite3';
import { countDocumentsFor, deleteDocumentsFor, type EraseDocumentsTarget } from '../xapi/documents/store.ts';
import { agentKey, parseAgentParam, type Agent, type Statement } from '../xapi/lib.ts';
import { agentsOf } from '../xapi/store.ts';
import { countSqliteClassVisit, eraseSqliteClassVisit, visitOfErasure } from './classes.ts';
import { statementDeleter, type Deleted } from './delete.ts';

export type EraseTarget = { registration: string } | { agentKey: string };

export interface ErasePlan {
  /** The statements that would go, in seq order. */
  seqs: number[];
  /** Of those, how many the sync target already has (seq ≤ its cursor, not in quarantine). */
  forwarded: number;
  /** xAPI documents (State, Agent Profile) naming that agent or visit: they go too. Never forwarded. */
  documents: number;
  /**
   * The visit's class rows (for an agent, those of the visit its anonymous account names): the seat it played at
   * (`class_seat_visits`) and its certificates.
   */
  classVisits: number;
  certificates: number;
}

export interface EraseResult extends Deleted, ErasePlan {
  /** Rows of the older `records` table for that visit. */
  records: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registration given on the command line, or a message saying what is wrong with it. */
export function parseRegistration(text: string): { ok: true; registration: string } | { ok: false; message: string } {
  return UUID.test(text) ? { ok: true, registration: text.toLowerCase() } : { ok: false, message: `--registration: must be a UUID (the visit id), got '${text}'` };
}

/**
 * The agent given on the command line: its JSON (`{"account":{"homePage":…,"name":…}}`), a `mailto:` address, or an
 * identifier key as the store writes it (`account:<homePage>|<name>`, `mbox:mailto:…`, `mbox_sha1sum:…`, `openid:…`).
 */
export function parseAgent(text: string): { ok: true; key: string } | { ok: false; message: string } {
  const t = text.trim();
  if (/^(account|mbox|mbox_sha1sum|openid):/.test(t)) return { ok: true, key: t };
  const json = t.startsWith('{') ? t : t.startsWith('mailto:') ? JSON.stringify({ mbox: t }) : null;
  if (json === null)
    return { ok: false, message: `--agent: must be an Agent's JSON (e.g. {"account":{"homePage":"https://…","name":"<visit id>"}}), a mailto: address, or an identifier key such as account:<homePage>|<name>; got '${text}'` };
  const parsed = parseAgentParam(json);
  if (!parsed.ok) return { ok: false, message: `--${parsed.message}` };
  const key = agentKey(parsed.agent);
  return key ? { ok: true, key } : { ok: false, message: '--agent: an anonymous Group has no identifier to erase by' };
}

const documentsOf = (target: EraseTarget): EraseDocumentsTarget =>
  'registration' in target ? { registration: target.registration } : { agent: target.agentKey };

/** An authority no agent key can match: agentsOf without the authority, so a client's own key never selects its statements. */
const NO_AUTHORITY = { objectType: 'Group' } as unknown as Agent;

export function planErase(db: Database.Database, target: EraseTarget, syncTarget: string | null): ErasePlan {
  const seqs = new Set<number>();
  if ('registration' in target) {
    for (const seq of db.prepare<[string], number>('SELECT seq FROM statements WHERE registration = ?').pluck().all(target.registration)) seqs.add(seq);
  } else {
    const candidates = db
      .prepare<[string], { seq: number; body: string }>(
        'SELECT s.seq, s.body FROM statements s WHERE s.seq IN (SELECT seq FROM statement_agents WHERE agent_key = ?)',
      )
      .all(target.agentKey);
    for (const { seq, body } of candidates) {
      const found = agentsOf(JSON.parse(body) as Statement, NO_AUTHORITY);
      if (found.direct.has(target.agentKey) || found.related.has(target.agentKey)) seqs.add(seq);
    }
  }
  // Statements referring to an erased one, and those referring to them.
  const idOf = db.prepare<[number], string>('SELECT id FROM statements WHERE seq = ?').pluck();
  const referring = db.prepare<[string], number>('SELECT seq FROM statements WHERE object_statement_id = ?').pluck();
  const queue = [...seqs];
  while (queue.length) {
    const id = idOf.get(queue.pop()!);
    if (id === undefined) continue;
    for (const seq of referring.all(id)) if (!seqs.has(seq)) (seqs.add(seq), queue.push(seq));
  }
  const sorted = [...seqs].sort((a, b) => a - b);
  let forwarded = 0;
  if (syncTarget !== null) {
    const cursor = db.prepare<[string], number>('SELECT cursor FROM sync_state WHERE target = ?').pluck().get(syncTarget) ?? 0;
    const held = new Set(db.prepare<[string], number>('SELECT seq FROM sync_quarantine WHERE target = ?').pluck().all(syncTarget));
    forwarded = sorted.filter((seq) => seq <= cursor && !held.has(seq)).length;
  }
  const visit = visitOfErasure(target);
  const classRows = visit !== null ? countSqliteClassVisit(db, visit) : { classVisits: 0, certificates: 0 };
  return { seqs: sorted, forwarded, documents: countDocumentsFor(db, documentsOf(target)), ...classRows };
}

/** Erases in one transaction (all or nothing). */
export function erase(db: Database.Database, target: EraseTarget, syncTarget: string | null): EraseResult {
  const deleteStatements = statementDeleter(db);
  return db.transaction((): EraseResult => {
    const plan = planErase(db, target, syncTarget);
    const deleted = deleteStatements(plan.seqs);
    const records = 'registration' in target ? db.prepare('DELETE FROM records WHERE visit_id = ?').run(target.registration).changes : 0;
    const documents = deleteDocumentsFor(db, documentsOf(target));
    const visit = visitOfErasure(target);
    const classRows = visit !== null ? eraseSqliteClassVisit(db, visit) : { classVisits: 0, certificates: 0 };
    return { ...plan, ...deleted, records, documents, ...classRows };
  }).immediate();
}
