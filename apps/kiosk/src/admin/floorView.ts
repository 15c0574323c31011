const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** 79.1 GiB, 812 MiB: free space as staff read it, in the page's language. */
export function formatSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return bytes >= GIB ? `${number(bytes / GIB)} GiB` : `${number(Math.floor(bytes / MIB))} MiB`;
}
