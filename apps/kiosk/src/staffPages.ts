// Pages that are not a park device at play: staff pages (a teacher's or an analyst's own machine) and the certificate
// check a visitor's phone opens from the QR code. They send no heartbeat and show neither the staff badge nor the
// enrollment notice. One list, read by all three.
export const STAFF_PAGES = ['admin', 'operator', 'enroll', 'dashboard', 'classes', 'certificate'] as const;

/** Whether a path (`/admin`, `/dashboard?x`) is one of these pages. */
export function isStaffPage(path: string): boolean {
  const first = path.split(/[/?#]/).find(Boolean) ?? '';
  return (STAFF_PAGES as readonly string[]).includes(first);
}
