// Which client addresses may write statements without enrolling: by default the server's own machine (loopback), so
// `npm start` on a fresh machine lets a browser there play at once. Entries are addresses or CIDR ranges, IPv4 or IPv6.
import { BlockList, isIP } from 'node:net';

/** A problem with one entry, for the config's error message; null when the entry is valid. */
export function exemptEntryProblem(entry: string): string | null {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return `'${entry}' is not an IP address or CIDR range (e.g. 127.0.0.1, ::1, 192.168.10.0/24)`;
  if (bits === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `'${entry}': the prefix length must be 0 to ${max}`;
  return null;
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`, seen when the server listens on `::`) as plain IPv4. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** A test for client addresses against valid entries (see exemptEntryProblem). */
export function exemptMatcher(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(plain(address), isIP(plain(address)) === 6 ? 'ipv6' : 'ipv4');
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const ip = plain(address);
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}
