/**
 * Who leads a society, as its profile shows it (SPEC §1: legal representative, chair, secretary-
 * general). The profile's own fields are typed in by the secretariat; the council roster of the current
 * term names the chair and the secretary-general too. The profile shows its own value where it has one
 * and otherwise the roster's, saying where each name came from; where both are there and name different
 * people, the mismatch is flagged with the roster's name beside it, for staff to correct one or the other.
 *
 * The legal representative is no roster position. Under the civil-affairs model charter
 * (社会团体章程示范文本: "理事长为本团体法定代表人") it is the chair, so an empty legal representative
 * is shown as the roster's chair (source `roster_chair`); a different name there is not a mismatch,
 * since a charter may name another officer.
 *
 * Names are compared by `personNameKey`, so "王 连任" in one place and "王连任" in the other agree.
 */
import { personNameKey } from './rules';

export interface ProfileOfficerNames {
  legalRepresentative: string | null;
  chairName: string | null;
  secretaryGeneralName: string | null;
}

export interface RosterOfficerNames {
  /** 第 N 届: the term whose roster names them. */
  termSequence: number;
  chair: string | null;
  secretaryGeneral: string | null;
}

export const OFFICER_SOURCES = ['profile', 'roster', 'roster_chair'] as const;
export type OfficerSource = (typeof OFFICER_SOURCES)[number];

export interface OfficerStanding {
  /** The name to show; null when neither the profile nor the roster has one. */
  name: string | null;
  source: OfficerSource | null;
  /** What the current term's roster says, for comparison (for the legal representative: the chair). */
  rosterName: string | null;
  /** The profile and the roster both name someone, and not the same person. */
  mismatch: boolean;
}

export interface SocietyOfficers {
  termSequence: number | null;
  legalRepresentative: OfficerStanding;
  chair: OfficerStanding;
  secretaryGeneral: OfficerStanding;
}

function standing(profile: string | null, roster: string | null, fromRoster: OfficerSource, compare: boolean) {
  const own = profile?.trim() ? profile.trim() : null;
  const listed = roster?.trim() ? roster.trim() : null;
  return {
    name: own ?? listed,
    source: own ? ('profile' as const) : listed ? fromRoster : null,
    rosterName: listed,
    mismatch: compare && own !== null && listed !== null && personNameKey(own) !== personNameKey(listed),
  };
}

export function societyOfficers(profile: ProfileOfficerNames, roster: RosterOfficerNames | null): SocietyOfficers {
  return {
    termSequence: roster?.termSequence ?? null,
    legalRepresentative: standing(profile.legalRepresentative, roster?.chair ?? null, 'roster_chair', false),
    chair: standing(profile.chairName, roster?.chair ?? null, 'roster', true),
    secretaryGeneral: standing(profile.secretaryGeneralName, roster?.secretaryGeneral ?? null, 'roster', true),
  };
}
