import { describe, expect, it } from 'vitest';
import { type ApplicantProfile, findConflicts, normaliseName, type ReviewerProfile } from './conflicts';

const reviewer = (overrides: Partial<ReviewerProfile> = {}): ReviewerProfile => ({
  expertId: 'e1',
  name: '李明',
  employer: '山东大学（齐鲁医学院）',
  societyIds: [],
  disciplines: ['medicine'],
  available: true,
  declaredSocietyIds: [],
  ...overrides,
});

const applicant = (overrides: Partial<ApplicantProfile> = {}): ApplicantProfile => ({
  applicationId: 'app-1',
  societyId: 'soc-1',
  societyName: '济宁市医学会',
  supportingUnit: '济宁医学院',
  chairEmployer: '济宁市第一人民医院',
  councilMembers: [{ personName: '王伟', employer: '济宁医学院' }],
  memberOfSociety: [],
  disciplines: ['medicine'],
  ...overrides,
});

describe('normaliseName', () => {
  it('trims, collapses whitespace, converts full-width brackets and ignores spaces around them', () => {
    expect(normaliseName(' 山东大学（齐鲁医学院） ')).toBe('山东大学(齐鲁医学院)');
    expect(normaliseName('山东大学 (齐鲁医学院)')).toBe('山东大学(齐鲁医学院)');
    expect(normaliseName('Shandong\u3000 University')).toBe('shandong university');
    expect(normaliseName(null)).toBe('');
  });
});

describe('findConflicts', () => {
  it('finds none for an unrelated reviewer', () => {
    expect(findConflicts(reviewer(), applicant())).toEqual([]);
  });

  it('worked example: the same person on the council, and the supporting unit, written differently', () => {
    const conflicts = findConflicts(
      reviewer(),
      applicant({
        supportingUnit: '山东大学(齐鲁医学院)',
        councilMembers: [{ personName: ' 李明', employer: '山东大学 (齐鲁医学院)' }],
      }),
    );
    expect(conflicts).toEqual([
      {
        reason: 'council_member',
        explanation:
          "the council of 济宁市医学会 lists  李明 of 山东大学 (齐鲁医学院), the reviewer's name and employer",
      },
      {
        reason: 'supporting_unit',
        explanation: 'the reviewer works at 山东大学（齐鲁医学院）, the supporting unit of 济宁市医学会',
      },
    ]);
  });

  it('knows a council member whose name is written with a space ("李 明") as the reviewer 李明', () => {
    const conflicts = findConflicts(
      reviewer(),
      applicant({ councilMembers: [{ personName: '李 明', employer: '山东大学（齐鲁医学院）' }] }),
    );
    expect(conflicts.map((c) => c.reason)).toEqual(['council_member']);
  });

  it('does not take a namesake at another employer, or with no employer, for a council member', () => {
    expect(
      findConflicts(reviewer(), applicant({ councilMembers: [{ personName: '李明', employer: '济宁学院' }] })),
    ).toEqual([]);
    expect(
      findConflicts(
        reviewer({ employer: null }),
        applicant({ councilMembers: [{ personName: '李明', employer: null }] }),
      ),
    ).toEqual([]);
    // A reviewer without an employer never matches a supporting unit that is also unknown.
    expect(
      findConflicts(reviewer({ employer: null }), applicant({ supportingUnit: null, chairEmployer: null })),
    ).toEqual([]);
  });

  it('lists every reason in a fixed order', () => {
    const conflicts = findConflicts(
      reviewer({ employer: '济宁医学院', name: '王伟', societyIds: ['soc-1'], declaredSocietyIds: ['soc-1'] }),
      applicant({ chairEmployer: ' 济宁医学院 ', memberOfSociety: ['e1'] }),
    );
    expect(conflicts.map((c) => c.reason)).toEqual([
      'society_affiliation',
      'society_member',
      'council_member',
      'supporting_unit',
      'chair_employer',
      'declared',
    ]);
    expect(conflicts[1]?.explanation).toBe('the reviewer is a member of the applying society 济宁市医学会');
    expect(conflicts[5]?.explanation).toBe('the reviewer declared an interest in 济宁市医学会 for this program');
  });

  it('ties declarations and memberships to the applying society only', () => {
    expect(
      findConflicts(
        reviewer({ societyIds: ['soc-2'], declaredSocietyIds: ['soc-3'] }),
        applicant({ memberOfSociety: ['e2'] }),
      ),
    ).toEqual([]);
  });
});
