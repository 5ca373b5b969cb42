import { describe, expect, it } from 'vitest';
import { societyOfficers } from './officers';

const empty = { legalRepresentative: null, chairName: null, secretaryGeneralName: null };

describe('societyOfficers', () => {
  it('shows the roster’s chair and secretary-general where the profile has none, saying so', () => {
    const officers = societyOfficers(empty, { termSequence: 5, chair: '王连任', secretaryGeneral: '李秘书' });
    expect(officers).toEqual({
      termSequence: 5,
      legalRepresentative: { name: '王连任', source: 'roster_chair', rosterName: '王连任', mismatch: false },
      chair: { name: '王连任', source: 'roster', rosterName: '王连任', mismatch: false },
      secretaryGeneral: { name: '李秘书', source: 'roster', rosterName: '李秘书', mismatch: false },
    });
  });

  it('keeps the profile’s names, and flags a chair the roster names differently (not a spacing difference)', () => {
    const officers = societyOfficers(
      { legalRepresentative: '赵法人', chairName: '王 连任', secretaryGeneralName: '张秘书' },
      { termSequence: 5, chair: '王连任', secretaryGeneral: '李秘书' },
    );
    expect(officers.chair).toEqual({ name: '王 连任', source: 'profile', rosterName: '王连任', mismatch: false });
    expect(officers.secretaryGeneral).toEqual({
      name: '张秘书',
      source: 'profile',
      rosterName: '李秘书',
      mismatch: true,
    });
    // The charter may make another officer the legal representative: no mismatch.
    expect(officers.legalRepresentative).toMatchObject({ name: '赵法人', source: 'profile', mismatch: false });
  });

  it('has nothing to show without a profile name or a term', () => {
    expect(societyOfficers({ ...empty, chairName: '  ' }, null)).toEqual({
      termSequence: null,
      legalRepresentative: { name: null, source: null, rosterName: null, mismatch: false },
      chair: { name: null, source: null, rosterName: null, mismatch: false },
      secretaryGeneral: { name: null, source: null, rosterName: null, mismatch: false },
    });
  });
});
