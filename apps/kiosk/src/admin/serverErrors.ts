// The admin API's refusals in the staff's language. The server words each refusal in English (for logs and programs);
// the ones staff meet here are recognised by their wording and said again from the locale files. A refusal that
// is not known here is shown as the server wrote it.

export interface KnownRefusal {
  key: string;
  params: Record<string, string>;
}

const KNOWN: [RegExp, string, string[]][] = [
  [/^pack '(.+)' is built in and has no installed versions to roll back to$/, 'admin.server.builtInNoRollback', ['id']],
  [/^no installed pack '(.+)'$/, 'admin.server.notInstalled', ['id']],
  [/^pack '(.+)' has no previous version to roll back to \(only (.+) was installed\)$/, 'admin.server.noPrevious', ['id', 'current']],
  [/^the folder of (\S+) (\S+) is missing; install that version again$/, 'admin.server.folderMissing', ['id', 'version']],
  [/^pack '(.+)' is built in \(content\/packs\/.+\) and cannot be removed here/, 'admin.server.builtInRemove', ['id']],
  [/^too many wrong passwords from this address: try again in (\d+) s$/, 'admin.server.locked', ['seconds']],
  [/^too many logins are being checked right now/, 'admin.server.busy', []],
  [/^the session has expired or was ended/, 'admin.sessionEnded', []],
  [/send the \.ruyipack\.tgz file itself as the body/, 'admin.server.sendFile', []],
  [/^network error: the upload did not reach the server$/, 'admin.server.network', []],
];

/** The locale key and params for a refusal's message, or null when the wording is not one of the known ones. */
export function knownRefusal(message: string): KnownRefusal | null {
  for (const [re, key, names] of KNOWN) {
    const m = re.exec(message);
    if (m) return { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}
