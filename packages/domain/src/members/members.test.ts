import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, maskIdNumber, maskPhone, withIdNumberCheck } from './id-number';
import {
  ageOn,
  duesLapsed,
  isYouth,
  membershipLifecycle,
  newMemberStanding,
  qualifiesForExpertPool,
  youthBornAfter,
} from './membership';

const TODAY = '2026-11-22';

describe('GB 11643 ID numbers', () => {
  it('matches the standard’s published example 11010519491231002X', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X', { today: TODAY, birthDate: '1949-12-31' })).toEqual([]);
  });

  it('names a wrong check character, an impossible birth date, and a disagreeing birth date', () => {
    expect(checkIdNumber('110105194912310021', { today: TODAY }).map((p) => p.code)).toEqual(['id_number_checksum']);
    const feb30 = withIdNumberCheck('11010519900230002');
    expect(checkIdNumber(feb30, { today: TODAY }).map((p) => p.code)).toEqual(['id_number_birth_date']);
    const future = withIdNumberCheck('11010520300101002');
    expect(checkIdNumber(future, { today: TODAY }).map((p) => p.code)).toEqual(['id_number_birth_date']);
    expect(checkIdNumber('11010519491231002X', { today: TODAY, birthDate: '1950-01-01' })[0]?.message).toContain(
      '1949-12-31',
    );
    expect(checkIdNumber('1101051949', { today: TODAY }).map((p) => p.code)).toEqual(['id_number_format']);
  });

  it('round-trips: a completed number always passes, and any single-digit change is caught', () => {
    const body = fc
      .tuple(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([region, date, seq]) =>
          `${region}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, position, shift) => {
        const id = withIdNumberCheck(first17);
        expect(checkIdNumber(id, { today: TODAY })).toEqual([]);
        const digit = (Number(id.charAt(position)) + shift) % 10;
        const altered = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
        expect(checkIdNumber(altered, { today: TODAY }).length).toBeGreaterThan(0);
      }),
    );
  });

  it('masks numbers and phones as the lists show them', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0539-8123456')).toBe('053*******56');
  });
});

describe('membership', () => {
  it('follows the lifecycle of SPEC §2', () => {
    expect(membershipLifecycle.allowedFrom('applied')).toEqual(['active', 'rejected']);
    expect(membershipLifecycle.canTransition('lapsed', 'active')).toBe(true);
    expect(membershipLifecycle.isFinal('withdrawn')).toBe(true);
    expect(membershipLifecycle.isFinal('rejected')).toBe(true);
  });

  it('counts youth as under 40 on the day, birthday included', () => {
    expect(ageOn('1986-11-22', TODAY)).toBe(40);
    expect(isYouth('1986-11-22', TODAY)).toBe(false);
    expect(isYouth('1986-11-23', TODAY)).toBe(true);
    expect(isYouth(null, TODAY)).toBe(false);
  });

  it('draws the youth line for queries where isYouth draws it', () => {
    expect(youthBornAfter(TODAY)).toBe('1986-11-22');
    const day = fc.date({ min: new Date('1940-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (born, on) => {
        const [b, o] = [born.toISOString().slice(0, 10), on.toISOString().slice(0, 10)];
        expect(b > youthBornAfter(o)).toBe(isYouth(b, o));
      }),
    );
  });

  it('lapses a membership only after the grace period without this year’s dues', () => {
    expect(duesLapsed([2025], '2026-03-31', 90)).toBe(false);
    expect(duesLapsed([2025], '2026-04-01', 90)).toBe(true);
    expect(duesLapsed([2026], '2026-11-22', 90)).toBe(false);
  });

  it('admits associate senior titles and above to the expert pools', () => {
    expect(qualifiesForExpertPool('senior')).toBe(true);
    expect(qualifiesForExpertPool('associate_senior')).toBe(true);
    expect(qualifiesForExpertPool('intermediate')).toBe(false);
  });
});

describe('a new member', () => {
  it('enters in good standing, joined today, unless recorded as an applicant or with a joining date', () => {
    expect(newMemberStanding({}, '2026-12-07')).toEqual({ status: 'active', joinedOn: '2026-12-07' });
    expect(newMemberStanding({ status: 'applied' }, '2026-12-07')).toEqual({ status: 'applied', joinedOn: null });
    expect(newMemberStanding({ joinedOn: '2019-05-04' }, '2026-12-07')).toEqual({
      status: 'active',
      joinedOn: '2019-05-04',
    });
    expect(newMemberStanding({ status: 'applied', joinedOn: null }, '2026-12-07').joinedOn).toBeNull();
  });
});
