// The 平安校园 bodies: what a teacher, a joining device and a certificate request may send, and the class-code value
// statements carry.
import { describe, expect, it } from 'vitest';
import {
  CertificateIdParams,
  classCodeRefusal,
  classCodeValue,
  ClassJoinCode,
  JoinClassBody,
  NewCertificateBody,
  NewClassBody,
  parseClassCodeValue,
} from './classes.ts';

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('NewClassBody', () => {
  it('takes a grade, a class label and minutes (120 by default)', () => {
    expect(NewClassBody.parse({ grade: 4, label: ' 3班 ' })).toEqual({ grade: 4, label: '3班', minutes: 120 });
    expect(NewClassBody.parse({ grade: 12, label: 'Class 2-B', minutes: 480 })).toMatchObject({ minutes: 480 });
  });

  it('refuses a grade outside 1–12, an empty, long or number-like label, other minutes and any other field', () => {
    for (const [body, path] of [
      [{ grade: 0, label: '3班' }, 'grade'],
      [{ grade: 13, label: '3班' }, 'grade'],
      [{ grade: 2.5, label: '3班' }, 'grade'],
      [{ grade: 4, label: '' }, 'label'],
      [{ grade: 4, label: '一二三四五六七八九十一二三四五六七八九十一' }, 'label'],
      [{ grade: 4, label: '13912345678' }, 'label'],
      [{ grade: 4, label: 'a@b.cn' }, 'label'],
      [{ grade: 4, label: '3班', minutes: 14 }, 'minutes'],
      [{ grade: 4, label: '3班', minutes: 481 }, 'minutes'],
      [{ grade: 4, label: '3班', pupil: '张三' }, ''],
    ] as const) {
      const result = NewClassBody.safeParse(body);
      expect(result.success, JSON.stringify(body)).toBe(false);
      expect(pathsOf(result), JSON.stringify(body)).toContain(path);
    }
  });
});

describe('join codes and the class-code value', () => {
  it('normalizes a typed code and refuses characters no code has', () => {
    expect(ClassJoinCode.parse('7kq-2mx')).toBe('7KQ2MX');
    expect(ClassJoinCode.safeParse('7KQ2M').success).toBe(false);
    expect(ClassJoinCode.safeParse('7KQ2M0').success).toBe(false);
    expect(ClassJoinCode.safeParse('7KQ2MI').success).toBe(false);
    expect(JoinClassBody.safeParse({ code: '7KQ2MX', platform: 'phone' }).success).toBe(false);
    expect(JoinClassBody.parse({ code: '7KQ2MX', platform: 'web' })).toEqual({ code: '7KQ2MX', platform: 'web' });
  });

  it('puts the school before the code, and reads both back; anything else is no class', () => {
    const value = classCodeValue('220102-s03', '7KQ2MX');
    expect(value).toBe('220102-s03/7KQ2MX');
    expect(parseClassCodeValue(value)).toEqual({ school: '220102-s03', code: '7KQ2MX' });
    for (const bad of ['7KQ2MX', '220102-s03/7KQ2M', '/7KQ2MX', 'a/b/7KQ2MX', 'CC 1/7KQ2MX', 42, null, undefined])
      expect(parseClassCodeValue(bad), String(bad)).toBeNull();
  });

  it('tells an unknown code from a closed class in a refusal', () => {
    expect(classCodeRefusal({ details: [{ path: 'code', message: 'unknown class code: check it' }] })).toBe('unknown');
    expect(classCodeRefusal({ details: [{ path: 'code', message: 'class closed: at …' }] })).toBe('closed');
    expect(classCodeRefusal({ details: [{ path: 'x', message: 'class closed' }] })).toBeNull();
    expect(classCodeRefusal(undefined)).toBeNull();
  });
});

describe('certificates', () => {
  it('asks for a visit id and a pack/scenario; ids are long and URL-safe', () => {
    const visitId = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
    expect(NewCertificateBody.parse({ visitId, scenario: 'fire-basics/kitchen' })).toEqual({ visitId, scenario: 'fire-basics/kitchen' });
    expect(pathsOf(NewCertificateBody.safeParse({ visitId: 'nope', scenario: 'fire-basics/kitchen' }))).toContain('visitId');
    expect(pathsOf(NewCertificateBody.safeParse({ visitId, scenario: 'kitchen' }))).toContain('scenario');
    expect(NewCertificateBody.safeParse({ visitId, scenario: 'a/b', passed: true }).success).toBe(false);
    expect(CertificateIdParams.safeParse({ id: 'AbC_-123456789' }).success).toBe(true);
    expect(CertificateIdParams.safeParse({ id: 'short' }).success).toBe(false);
    expect(CertificateIdParams.safeParse({ id: '../../etc/passwd' }).success).toBe(false);
  });
});
