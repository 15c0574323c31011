import { describe, expect, it } from 'vitest';
import { isDuration, isIri, isLanguageTag, isMailtoIri, isUuid, isVersion10, parseTimestamp } from './value-formats.ts';

describe('isLanguageTag (RFC 5646), with the conformance suites\' cases', () => {
  it.each([
    'de', 'en-US', 'zh-CN', 'ine', 'tlh', 'cmn', 'ase', 'zh-Hant', 'sr-Latn', 'zh-cmn-Hans-CN', 'sr-Latn-RS', 'sl-rozaj-biske',
    'de-CH-1901', 'hy-Latn-IT-arevela', 'az-Arab-x-AZE-derbend', 'x-whatever', 'i-enochian', 'es-419', 'EN-us', 'en-a-bbb-x-a-ccc',
    'zh-Hans-CN', 'fr-CA',
  ])('accepts %s', (tag) => expect(isLanguageTag(tag)).toBe(true));

  it.each([
    ['de-419-DE', 'two regions'],
    ['a-DE', 'one-letter primary subtag'],
    ['ar-a-aaa-b-bbb-a-ccc', 'extension singleton twice'],
    ['zh-z-aaa-z-bbb-c-ccc', 'extension singleton twice'],
    ['something', 'nine-letter language'],
    ['test', 'four-letter language subtags are reserved (RFC 5646 2.2.1)'],
    ['test-US', 'four-letter language subtags are reserved (RFC 5646 2.2.1)'],
    ['a12345', 'digits in the language'],
    ['supercalifragilisticexpialidociouswhatabouthhhhhhh', 'fifty letters'],
    ['de-DE-1901-1901', 'variant twice'],
    ['', 'empty'],
    ['en_US', 'underscore'],
  ])('rejects %s (%s)', (tag) => expect(isLanguageTag(tag)).toBe(false));
});

describe('parseTimestamp (ISO 8601 with a time zone)', () => {
  it.each([
    ['2013-05-18T05:32:34.804Z', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T05:32:34.804+00:00', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T13:32:34.804+08:00', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T13:32:34.804+0800', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T00:32:34.804-05', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T05:32:34.8049999Z', Date.UTC(2013, 4, 18, 5, 32, 34, 804)],
    ['2013-05-18T05:32Z', Date.UTC(2013, 4, 18, 5, 32, 0, 0)],
    ['20130518T053234Z', Date.UTC(2013, 4, 18, 5, 32, 34, 0)],
    ['2016-02-29T00:00:00Z', Date.UTC(2016, 1, 29)],
    // Years below 100 are years, not 19xx (Date.UTC would shift them).
    ['0099-01-01T00:00:00Z', -59042995200000],
  ])('reads %s', (text, ms) => expect(parseTimestamp(text)).toBe(ms));

  it.each([
    ['should fail', 'not a date'],
    ['01/011/2015', 'not ISO 8601'],
    ['2008-09-15T15:53:00.601-00', 'negative zero offset'],
    ['2008-09-15T15:53:00.601-0000', 'negative zero offset'],
    ['2008-09-15T15:53:00.601-00:00', 'negative zero offset'],
    ['2013-05-18T05:32:34.804', 'no time zone'],
    ['2013-05-18', 'a date only'],
    ['2013-05-18 05:32:34Z', 'space instead of T'],
    ['2015-02-29T00:00:00Z', 'no 29 February in 2015'],
    ['2013-13-01T00:00:00Z', 'month 13'],
    ['2013-05-18T24:00:00Z', 'hour 24'],
    ['2013-05-18T05:60:00Z', 'minute 60'],
    ['2013-05-18T05:32:34+25:00', 'offset of 25 hours'],
  ])('refuses %s (%s)', (text) => expect(parseTimestamp(text)).toBeNull());
});

describe('isDuration (ISO 8601:2004 4.4.3.2)', () => {
  it.each(['PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'PT1234S', 'PT0S', 'P1D', 'PT83,25S'])(
    'accepts %s',
    (text) => expect(isDuration(text)).toBe(true),
  );
  it.each(['PA1H0M0S', 'should fail', 'P', 'PT', 'P4W1D', '1H', 'P16559.14S', 'PT1.5', 'pt1s', 'P0001-02-03T04:05:06'])('rejects %s', (text) =>
    expect(isDuration(text)).toBe(false),
  );
});

describe('identifiers', () => {
  it.each(['fd41c918-b88b-4b20-a0a5-a4c32391aaa0', 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0', '12345678-1234-5678-1234-567812345678'])('UUID %s', (id) =>
    expect(isUuid(id)).toBe(true),
  );
  it.each(['AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', '', 'fd41c918b88b4b20a0a5a4c32391aaa0', '{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}'])(
    'not a UUID: %s',
    (id) => expect(isUuid(id)).toBe(false),
  );
  it.each(['http://adlnet.gov/expapi/verbs/attended', 'https://例子.测试/活动', 'urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0', 'tag:ruyi,2026:x', 'mailto:a@b.c'])(
    'IRI %s',
    (iri) => expect(isIri(iri)).toBe(true),
  );
  it.each(['ab=c://should.fail.com', 'should error', 'open.id.com/testUser', 'example.com/extension/wrong', '', 'http://a b', '1http://x', 'http:'])(
    'not an IRI: %s',
    (iri) => expect(isIri(iri)).toBe(false),
  );
  it.each([
    ['mailto:xapi@adlnet.gov', true],
    ['MAILTO:xapi@adlnet.gov', true],
    ['mailto:should.fail.com', false],
    ['http://should.fail.com', false],
    ['xapi@adlnet.gov', false],
    ['mailto:', false],
  ])('mailto %s → %s', (text, ok) => expect(isMailtoIri(text)).toBe(ok));
  it.each([
    ['1.0', true],
    ['1.0.0', true],
    ['1.0.3', true],
    ['1.0.9', true],
    ['0.9.9', false],
    ['1.1.0', false],
    ['2.0.0', false],
    ['1.0.', false],
    ['should fail', false],
  ])('version %s → %s', (text, ok) => expect(isVersion10(text)).toBe(ok));
});
