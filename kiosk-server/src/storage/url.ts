// PostgreSQL URLs as settings: recognised, and shown without their password (logs, error messages, /api/health).

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\/\S+$/i.test(url) && URL.canParse(url);
}

/** The URL with its password replaced by *** (and anything unparseable hidden whole: it may be a password). */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    const password = parsed.searchParams.get('password');
    if (password !== null) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
