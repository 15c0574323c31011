// The reports' worker thread when it cannot do its work: a thread that stops before its first answer is reported as
// gone (the reader then makes the report on its own thread) and is not started again for every report.
import { describe, expect, it } from 'vitest';
import { createReportWorker, ReportWorkerGone } from './report-worker.ts';

describe('the reports worker thread', () => {
  it('says it is gone when it cannot start, and is not tried again', { timeout: 60_000 }, async () => {
    const worker = createReportWorker('/nonexistent/ruyi.sqlite');
    try {
      const june = { from: '2026-06-01', to: '2026-06-30' };
      await expect(worker.reportJson(june, { kind: 'city' })).rejects.toBeInstanceOf(ReportWorkerGone);
      await expect(worker.reportJson(june, { kind: 'city' })).rejects.toThrow('could not start');
    } finally {
      await worker.close();
    }
  });
});
