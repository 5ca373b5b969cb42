import type {
  ActivityKind,
  AdvisoryLevel,
  AdvisoryOutcome,
  AllocationStrategy,
  AnnualReportStatus,
  ApplicationStatus,
  CouncilPosition,
  Discipline,
  DocumentOwner,
  DocumentPurpose,
  InspectionResult,
  MemberCategory,
  MemberStatus,
  PartyOrganisation,
  PilotMode,
  PilotStatus,
  ProgramStatus,
  ReturnableResource,
  Role,
  ScoringMethod,
  SocietyStatus,
  SocietyType,
  TitleLevel,
} from '@society-hub/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps read back as Date and may be written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface SocietiesTable {
  id: string;
  name: string;
  name_en: string | null;
  type: SocietyType;
  discipline: Discipline;
  credit_code: string | null;
  credit_code_override_reason: string | null;
  supporting_unit: string | null;
  founded_on: string | null;
  office_address: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  legal_representative: string | null;
  chair_name: string | null;
  secretary_general_name: string | null;
  secretary_general_full_time: boolean | null;
  website: string | null;
  party_organisation: Generated<PartyOrganisation>;
  party_organisation_on: string | null;
  evaluation_grade: number | null;
  evaluation_grade_on: string | null;
  status: Generated<SocietyStatus>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  /** For reviewers: the expert of the pools this login belongs to. */
  expert_id: string | null;
  disabled: Generated<boolean>;
  /** Set by an administrator's reset: the user must choose a new password before anything else. */
  must_change_password: Generated<boolean>;
  /** The last change or reset of the password: access tokens issued before it are refused. */
  password_changed_at: Timestamp | null;
  /** Set only once confirmed (an invitation accepted there, or a code sent there typed back). */
  email: string | null;
  email_verified_at: Timestamp | null;
  phone: string | null;
  phone_verified_at: Timestamp | null;
  /** The language of what the user is sent. */
  language: Generated<'zh' | 'en'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSocietiesTable {
  user_id: string;
  society_id: string;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  private_jwk: Json;
  public_jwk: Json;
  created_at: Timestamp;
  retired_at: Date | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Json | null;
  response_body: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  /** Set in the business transaction: the change was made, whether or not the answer was stored. */
  committed_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: Timestamp;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  society_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxEventsTable {
  seq: Generated<number>;
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  society_id: string | null;
  payload: Json;
  at: Timestamp;
  /** The writing transaction (xid8, read as text): the change feed's commit-safe order. */
  txid: Generated<string>;
}

export interface WebhooksTable {
  id: string;
  client_id: string;
  url: string;
  event_types: ColumnType<string[], string, string>;
  description: string | null;
  secret_sealed: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_token: string | null;
  lease_until: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface WebhookDeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  worker: string;
}

export interface WebhookDispatchTable {
  name: string;
  after_txid: string;
  after_id: string;
  updated_at: Timestamp;
}

export interface RateLimitWindowsTable {
  key: string;
  hits: number;
  expires_at: Timestamp;
}

export interface ClientsTable {
  id: string;
  name: string;
  secret_hash: string;
  scopes: ColumnType<string[], string, string>;
  department: string | null;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  secret_rotated_at: Timestamp;
}

export interface ClientSocietiesTable {
  client_id: string;
  society_id: string;
}

export interface LoginFailuresTable {
  key: string;
  window_start: Timestamp;
  failures: number;
  /** Lockouts of this key so far (each one lasts twice the previous); forgotten after a quiet day. */
  lockouts: Generated<number>;
  locked_until: Timestamp | null;
}

export interface GovernanceTermsTable {
  id: string;
  society_id: string;
  sequence: number;
  start_on: string;
  end_on: string;
  representatives: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CouncilMembersTable {
  id: string;
  society_id: string;
  term_id: string;
  person_name: string;
  position: CouncilPosition;
  standing: boolean;
  frontline: boolean;
  birth_year: number | null;
  employer: string | null;
  official: boolean;
  approval_ref: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnnualReportsTable {
  id: string;
  society_id: string;
  year: number;
  content: Json;
  status: Generated<AnnualReportStatus>;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionsTable {
  society_id: string;
  year: number;
  result: InspectionResult;
  comments: string | null;
  recorded_by: string | null;
  version: Generated<number>;
  recorded_at: Timestamp;
}

export interface CapacitySnapshotsTable {
  society_id: string;
  year: number;
  total: number;
  tier: string;
  sub_scores: Json;
  computed_at: Timestamp;
}

export interface AlliancesTable {
  id: string;
  name: string;
  lead_society_id: string;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AllianceMembersTable {
  alliance_id: string;
  society_id: string;
}

export interface MembersTable {
  id: string;
  society_id: string;
  kind: 'individual' | 'institutional';
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  id_number_sealed: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone: string | null;
  email: string | null;
  employer: string | null;
  title_level: Generated<TitleLevel>;
  discipline: string | null;
  degree: string | null;
  category: Generated<MemberCategory>;
  org_credit_code: string | null;
  contact_person: string | null;
  external_ref: string | null;
  status: MemberStatus;
  joined_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MemberDuesTable {
  id: string;
  member_id: string;
  year: number;
  amount_fen: number;
  paid_on: string;
  created_at: Timestamp;
}

export interface ExpertsTable {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  id_number_sealed: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone: string | null;
  email: string | null;
  employer: string | null;
  title_level: 'senior' | 'associate_senior';
  disciplines: Json;
  pools: Json;
  available: Generated<boolean>;
  external_ref: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExpertSocietiesTable {
  expert_id: string;
  society_id: string;
}

export interface CalendarYearsTable {
  year: number;
  holidays: Json;
  make_up_workdays: Json;
  source: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface FundingProgramsTable {
  id: string;
  name: string;
  year: number;
  description: string | null;
  status: Generated<ProgramStatus>;
  opens_on: string;
  closes_on: string;
  total_budget_fen: number;
  categories: Json;
  rubric: Json;
  minimum_score: number;
  reviewers_per_application: number;
  scoring_method: ScoringMethod;
  allocation_strategy: AllocationStrategy;
  notice_working_days: number;
  allow_multiple_per_category: Generated<boolean>;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingApplicationsTable {
  id: string;
  program_id: string;
  society_id: string;
  category_code: string;
  title: string;
  summary: string | null;
  planned_on: string | null;
  place: string | null;
  expected_participants: number | null;
  disciplines: Json;
  budget_lines: Json;
  requested_fen: number;
  self_funded_fen: number;
  adjusted_fen: number | null;
  adjustment_reason: string | null;
  attachments: Json;
  status: Generated<ApplicationStatus>;
  screening: Json | null;
  submitted_at: Timestamp | null;
  score: number | null;
  first_criterion: number | null;
  score_explanation: string | null;
  allocated_fen: number | null;
  decision: Json | null;
  final_report: Json | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewerDeclarationsTable {
  program_id: string;
  expert_id: string;
  society_ids: Json;
  note: string | null;
  declared_at: Timestamp;
}

export type AssignmentStatus = 'assigned' | 'declined' | 'submitted' | 'recused';

export interface ReviewAssignmentsTable {
  id: string;
  program_id: string;
  application_id: string;
  expert_id: string;
  status: AssignmentStatus;
  discipline_match: Generated<boolean>;
  /** `auto`, or the username of the staff member who assigned by hand. */
  assigned_by: string;
  override_reason: string | null;
  decline_reason: string | null;
  decline_note: string | null;
  scores: Json | null;
  total: number | null;
  justification: string | null;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NoticeObjectionsTable {
  id: string;
  program_id: string;
  application_id: string | null;
  signer_kind: 'person' | 'unit';
  signer_name: string;
  contact: string;
  content: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  ip: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PilotFunctionsTable {
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  requires_grade_3a: Generated<boolean>;
  required_qualifications: Json;
  active: Generated<boolean>;
  position: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PilotsTable {
  id: string;
  society_id: string;
  function_code: string;
  department: string;
  title: string;
  scope: string | null;
  legal_basis: string | null;
  mode: PilotMode;
  starts_on: string;
  ends_on: string;
  contract_value_fen: number;
  deliverables: Json;
  qualifications: Json;
  status: Generated<PilotStatus>;
  eligibility_override: string | null;
  satisfaction: number | null;
  evaluation_comments: string | null;
  evaluated_at: Timestamp | null;
  evaluated_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PilotMilestonesTable {
  id: string;
  pilot_id: string;
  name: string;
  due_on: string;
  done_on: string | null;
  evidence: string | null;
  accepted_on: string | null;
  accepted_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A file slot of a thing (migration 0016); its bytes are in `document_versions`. */
export interface DocumentsTable {
  id: string;
  society_id: string | null;
  owner_kind: DocumentOwner;
  owner_id: string;
  purpose: DocumentPurpose;
  slot: string | null;
  year: number;
  current_version: number;
  generated: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  number: number;
  name: string;
  size_bytes: number;
  sha256: string;
  content_type: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

/**
 * The history of every lifecycle: one row per move of a society, member, application, program or pilot
 * (lib/transitions.ts writes it). `resource_type` is the audit log's.
 */
export interface StatusTransitionsTable {
  id: string;
  resource_type: string;
  resource_id: string;
  /** The society the record belongs to (null for a program). */
  society_id: string | null;
  from_status: string;
  to_status: string;
  reason: string;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
}
export type StatusTransitionRow = Selectable<StatusTransitionsTable>;

/** One round of a return for correction (退回修改); see migration 0017. */
export interface ReturnsTable {
  id: string;
  resource_type: ReturnableResource;
  resource_id: string;
  society_id: string;
  round: number;
  reason: string;
  /** `[{ section, comment }]`, as staff wrote them. */
  comments: Json;
  /** YYYY-MM-DD, the last day to file again. */
  deadline: string;
  returned_by: string | null;
  returned_by_name: string | null;
  returned_at: Timestamp;
  resolved_at: Timestamp | null;
  expired_at: Timestamp | null;
}

export interface ActivitiesTable {
  id: string;
  society_id: string;
  kind: ActivityKind;
  title: string;
  start_on: string;
  end_on: string;
  held: Generated<boolean>;
  place: string | null;
  online: Generated<boolean>;
  organisers: string | null;
  partners: string | null;
  participants: number | null;
  note: string | null;
  recipient: string | null;
  outcome: AdvisoryOutcome | null;
  outcome_on: string | null;
  outcome_level: AdvisoryLevel | null;
  published: Generated<boolean>;
  external_ref: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  activities: ActivitiesTable;
  pilot_functions: PilotFunctionsTable;
  pilots: PilotsTable;
  pilot_milestones: PilotMilestonesTable;
  calendar_years: CalendarYearsTable;
  funding_programs: FundingProgramsTable;
  funding_applications: FundingApplicationsTable;
  reviewer_declarations: ReviewerDeclarationsTable;
  review_assignments: ReviewAssignmentsTable;
  notice_objections: NoticeObjectionsTable;
  experts: ExpertsTable;
  expert_societies: ExpertSocietiesTable;
  members: MembersTable;
  member_dues: MemberDuesTable;
  governance_terms: GovernanceTermsTable;
  council_members: CouncilMembersTable;
  annual_reports: AnnualReportsTable;
  inspections: InspectionsTable;
  capacity_snapshots: CapacitySnapshotsTable;
  alliances: AlliancesTable;
  alliance_members: AllianceMembersTable;
  clients: ClientsTable;
  client_societies: ClientSocietiesTable;
  login_failures: LoginFailuresTable;
  societies: SocietiesTable;
  users: UsersTable;
  user_societies: UserSocietiesTable;
  status_transitions: StatusTransitionsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  returns: ReturnsTable;
  signing_keys: SigningKeysTable;
  refresh_tokens: RefreshTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  outbox_events: OutboxEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  webhook_dispatch: WebhookDispatchTable;
  rate_limit_windows: RateLimitWindowsTable;
  account_tokens: AccountTokensTable;
  messages: MessagesTable;
  notifications: NotificationsTable;
  notification_mutes: NotificationMutesTable;
}

export type AccountTokenPurpose = 'invitation' | 'password_reset' | 'verify_email' | 'verify_phone';

export interface AccountTokensTable {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  /** SHA-256 of the token or code: what was sent is never stored. */
  token_hash: string;
  /** For a contact confirmation: the address or number being confirmed. */
  target: string | null;
  /** Wrong codes typed against this token (a code is short: it dies after a few). */
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export type MessageStatus = 'queued' | 'sent' | 'failed' | 'kept';

export interface MessagesTable {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  user_id: string | null;
  address: string;
  language: 'zh' | 'en';
  subject: string;
  body: string;
  sms_template: string | null;
  sms_params: ColumnType<unknown, string | null, string | null>;
  dedupe_key: string | null;
  status: MessageStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_token: string | null;
  lease_until: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_error: string | null;
  provider_response: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NotificationMutesTable {
  user_id: string;
  kind: string;
}

export type SocietyRow = Selectable<SocietiesTable>;
export type NewSocietyRow = Insertable<SocietiesTable>;
export type SocietyRowUpdate = Updateable<SocietiesTable>;
export type UserRow = Selectable<UsersTable>;
export type FundingProgramRow = Selectable<FundingProgramsTable>;
export type FundingApplicationRow = Selectable<FundingApplicationsTable>;
export type ReviewAssignmentRow = Selectable<ReviewAssignmentsTable>;
export type NoticeObjectionRow = Selectable<NoticeObjectionsTable>;
