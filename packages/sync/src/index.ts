// @ruyi/sync: the forwarder's logic (pure: no HTTP server, no database). The kiosk-server supplies the queue, the
// ledger and the transport (kiosk-server/src/sync/).
export type { Awaitable, Logger, QuarantineEntry, QueuedStatement, SendResult, StatementQueue, SyncError, SyncLedger, SyncProgress, SyncStop, Transport } from './ports.ts';
export { createForwarder } from './forwarder.ts';
export type { DiscardResult, Forwarder, ForwarderOptions, ForwarderState, ForwarderStatus, PumpResult, RetryResult } from './forwarder.ts';
export { createRunner, IDLE_POLL_MS, realTimers } from './runner.ts';
export type { Runner, RunnerMode, RunnerOptions, Timers } from './runner.ts';
export { DEFAULT_BACKOFF, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { batchPayload, checkAcknowledgement, describeResponse, MAX_REASON } from './payload.ts';
export { stopReason, verdictOf } from './verdict.ts';
export type { Verdict } from './verdict.ts';
export { RateMeter, RATE_WINDOW_MS } from './rate.ts';
export { memoryLedger, memoryQueue } from './memory.ts';
export type { MemoryLedger, MemoryQueue } from './memory.ts';

