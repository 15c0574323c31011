// Dates and numbers on staff pages in the staff's language (not the browser's): the same instant reads
// "2026年12月6日 23:30" in Chinese and "Dec 6, 2026, 11:30 PM" in English.

type When = string | number | Date;

export function formatDateTime(at: When, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}

export function formatTime(at: When, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }).format(new Date(at));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
