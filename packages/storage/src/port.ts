/**
 * The storage port: everything the server may ask of the database. One SQL implementation
 * (`createStorage`) runs it on PGlite (embedded) and on PostgreSQL; nothing above this file knows
 * which. Timestamps are ISO-8601 strings (UTC) so they travel to JSON unchanged.
 *
 * Audit rule: every write that changes a record, a definition or an app takes an `actor` and writes
 * its audit entry itself, inside the same transaction, so it cannot be forgotten. Writes exist only
 * on `StorageTx` (inside `storage.transaction`); `storage.read` offers the read half of each
 * repository outside a transaction. Never use `storage.read` inside a transaction callback: on
 * PGlite (one connection) it would wait for the transaction that is waiting for it.
 */
import type { JsonValue, Rule } from '@trellis/rules';
import type {
  FlowInstanceReader, FlowInstanceRepository, FlowTaskReader, FlowTaskRepository, IdempotencyReader, IdempotencyRepository,
  InboxReader, InboxRepository,
} from './port-flows.js';

export type * from './port-flows.js';

export type { JsonValue, Rule };
export type JsonObject = { [key: string]: JsonValue };
export type LocalizedLabel = { readonly 'zh-CN': string; readonly en: string };
export type StorageKind = 'pglite' | 'postgres';

export interface StorageOptions {
  /** A PostgreSQL connection string; when given, PostgreSQL (node-postgres) is used. */
  readonly databaseUrl?: string;
  /** PGlite data folder; absent or 'memory://' keeps the database in memory (tests). */
  readonly dataDir?: string;
  /** The clock for every timestamp the storage writes (tests inject a fixed one). */
  readonly now?: () => Date;
  /** Pool size for PostgreSQL (default 10). */
  readonly maxConnections?: number;
}

/** Who makes a write, and the request it belongs to; copied into the audit entry. */
export interface WriteContext {
  /** user id, or a fixed name such as 'system' for start-up work */
  readonly actor: string;
  readonly requestId?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Apps

export interface App {
  readonly id: string;
  readonly label: LocalizedLabel;
  /** semantic version of the template the app was imported from, if any */
  readonly templateVersion: string | null;
  readonly templateHash: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface AppReader {
  get(id: string): Promise<App | null>;
  list(): Promise<App[]>;
}

export interface AppRepository extends AppReader {
  /** STORAGE_DUPLICATE (path 'id') when the id is taken. */
  create(input: { id: string; label: LocalizedLabel; templateVersion?: string | null; templateHash?: string | null } & WriteContext): Promise<App>;
  /** STORAGE_NOT_FOUND when missing. */
  update(input: { id: string; label?: LocalizedLabel; templateVersion?: string | null; templateHash?: string | null } & WriteContext): Promise<App>;
}

// ---------------------------------------------------------------------------------------------
// Definitions: drafts are edited, publishing makes an immutable numbered version.

export interface DefinitionKey {
  readonly app: string;
  /** 'entity' | 'rule' | 'flow' | 'program' | … (any kind the definitions package knows) */
  readonly kind: string;
  readonly id: string;
}

export interface DefinitionDraft extends DefinitionKey {
  readonly body: JsonObject;
  /** the published version the draft started from (null: never published) */
  readonly basedOn: number | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface DefinitionVersionSummary extends DefinitionKey {
  /** 1, 2, … per (app, kind, id) */
  readonly version: number;
  /** "sha256:<hex>" of the canonical JSON (sorted keys) of the body */
  readonly contentHash: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

export interface DefinitionVersion extends DefinitionVersionSummary {
  readonly body: JsonObject;
}

export interface DefinitionSummary extends DefinitionKey {
  readonly latestVersion: number | null;
  readonly contentHash: string | null;
  readonly publishedAt: string | null;
  readonly hasDraft: boolean;
}

export interface DefinitionReader {
  getDraft(key: DefinitionKey): Promise<DefinitionDraft | null>;
  /** the latest published version */
  getPublished(key: DefinitionKey): Promise<DefinitionVersion | null>;
  getVersion(key: DefinitionKey & { version: number }): Promise<DefinitionVersion | null>;
  /** oldest first */
  listVersions(key: DefinitionKey): Promise<DefinitionVersionSummary[]>;
  /** every definition with a draft or a published version, ordered by kind then id */
  listDefinitions(app: string, kind?: string): Promise<DefinitionSummary[]>;
  /** the latest published version of every definition (what a server loads to serve an app) */
  listPublished(app: string, kind?: string): Promise<DefinitionVersion[]>;
  /**
   * A short text that changes whenever published versions change, of any app (a publish, an
   * import, an app removed): a count, no bodies, so a server can keep what it built from them.
   * SessionReader.lookup reads it in the same statement as the session.
   */
  publishedFingerprint(): Promise<string>;
}

export interface DefinitionRepository extends DefinitionReader {
  /** Creates or replaces the draft. Audited ('definition.draft'). */
  saveDraft(input: DefinitionKey & { body: JsonObject } & WriteContext): Promise<DefinitionDraft>;
  /** STORAGE_NOT_FOUND when there is no draft. Audited ('definition.discard'). */
  discardDraft(input: DefinitionKey & WriteContext): Promise<void>;
  /**
   * Publishes `body` when given, else the draft (which is then removed; STORAGE_NOT_FOUND when there
   * is none). When the content hash equals the latest version's, no version is made and the latest
   * is returned with `created: false`, so re-importing an unchanged template is a no-op.
   * Audited ('definition.publish').
   */
  publish(input: DefinitionKey & { body?: JsonObject } & WriteContext): Promise<DefinitionVersion & { created: boolean }>;
}

// ---------------------------------------------------------------------------------------------
// Records: JSONB documents with server-owned metadata and a revision for optimistic concurrency.

export interface RecordMeta {
  readonly id: string;
  readonly app: string;
  readonly entity: string;
  readonly definitionVersion: number;
  /** user id of the owner */
  readonly owner: string | null;
  readonly partnerOrg: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** 1 on create, +1 on every update */
  readonly revision: number;
}

export interface StoredRecord extends RecordMeta {
  readonly data: JsonObject;
}

export interface RecordCreate extends WriteContext {
  /** a uuid; generated when absent (imports may keep ids) */
  readonly id?: string;
  readonly app: string;
  readonly entity: string;
  readonly definitionVersion: number;
  readonly owner?: string | null;
  readonly partnerOrg?: string | null;
  readonly data: JsonObject;
  /** attachments to link in the same statement, as AttachmentRepository.link does */
  readonly attachmentIds?: readonly string[];
}

export interface RecordUpdate extends WriteContext {
  readonly id: string;
  /** STORAGE_CONFLICT (details {expected, actual}) when the stored revision differs */
  readonly expectedRevision: number;
  /** the whole new document (not a patch) */
  readonly data: JsonObject;
  readonly definitionVersion?: number;
  readonly owner?: string | null;
  readonly partnerOrg?: string | null;
}

export type SortDirection = 'asc' | 'desc';

/**
 * `type` says how to order a data field: 'number' numerically, 'string' as text (also ISO dates);
 * absent orders by the JSON value (numbers numerically, strings as text). Matching the type to
 * `ensureFieldIndexes` lets the sort use the index. Metadata fields ($createdAt…) ignore it.
 */
export interface SortKey {
  readonly field: string;
  readonly direction?: SortDirection;
  readonly type?: 'string' | 'number';
}

/**
 * Field names in filters, scopes, sorts and columns are data paths (`address.city`) or metadata
 * pseudo-fields: $id, $owner, $partnerOrg, $createdAt, $updatedAt, $createdBy, $updatedBy,
 * $revision, $definitionVersion. Any other `$name` var is looked up in `vars` (e.g. `$user.regions`
 * with vars {$user: {regions: [...]}}), so a scope rule can name the caller.
 */
export interface RecordQuery {
  readonly app: string;
  readonly entity: string;
  /** a JSON Logic condition (see README for the supported operators) */
  readonly filter?: Rule;
  /** the row-level permission condition, ANDed with the filter */
  readonly scope?: Rule;
  readonly vars?: Readonly<Record<string, JsonValue>>;
  /**
   * The data paths the entity declares. When given, a filter, sort or column naming any other
   * (other than inside an array element of one: `contacts.0.name`) is refused with
   * STORAGE_BAD_FILTER at its position, instead of reading as null. The scope is not checked.
   */
  readonly fields?: ReadonlySet<string>;
}

export interface RecordListQuery extends RecordQuery {
  /** default [{field: '$updatedAt', direction: 'desc'}]; the id always breaks ties */
  readonly sort?: readonly SortKey[];
  /** the `nextCursor` of the previous page */
  readonly after?: string | null;
  /** default 50, at most 500 */
  readonly limit?: number;
  /** top-level data fields to return (absent: the whole document) */
  readonly columns?: readonly string[];
}

export interface RecordPage {
  readonly items: StoredRecord[];
  /** null on the last page */
  readonly nextCursor: string | null;
}

export interface RecordReader {
  /** With `where`, also null unless the record is in that app/entity and matches the scope. */
  get(id: string, where?: RecordQuery): Promise<StoredRecord | null>;
  list(query: RecordListQuery): Promise<RecordPage>;
  count(query: RecordQuery): Promise<number>;
}

export interface RecordRepository extends RecordReader {
  /** Audited ('record.create'). STORAGE_NOT_FOUND (path 'app') for an unknown app. */
  create(input: RecordCreate): Promise<StoredRecord>;
  /** Audited ('record.update'). STORAGE_NOT_FOUND, STORAGE_CONFLICT. */
  update(input: RecordUpdate): Promise<StoredRecord>;
  /** Audited ('record.delete'). STORAGE_NOT_FOUND, STORAGE_CONFLICT. */
  delete(input: { id: string; expectedRevision: number } & WriteContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Audit

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  /** e.g. 'record.update', 'definition.publish', 'user.login' */
  readonly action: string;
  readonly app: string | null;
  readonly entity: string | null;
  readonly recordId: string | null;
  /** for definition changes: kind and id */
  readonly definitionKind: string | null;
  readonly definitionId: string | null;
  readonly before: JsonValue | null;
  readonly after: JsonValue | null;
  readonly requestId: string | null;
}

export type AuditAppend = Partial<Omit<AuditEntry, 'id' | 'at' | 'actor' | 'action' | 'requestId'>> & {
  readonly action: string;
} & WriteContext;

export interface AuditListQuery {
  /** one of: a record, or an app (optionally one entity) */
  readonly recordId?: string;
  readonly app?: string;
  readonly entity?: string;
  /** default 50, at most 500 */
  readonly limit?: number;
  readonly after?: string | null;
}

export interface AuditPage {
  /** newest first */
  readonly items: AuditEntry[];
  readonly nextCursor: string | null;
}

export interface AuditReader {
  list(query: AuditListQuery): Promise<AuditPage>;
}

export interface AuditRepository extends AuditReader {
  /** For events the repositories do not audit themselves (logins, user changes, imports). */
  append(entry: AuditAppend): Promise<AuditEntry>;
}

// ---------------------------------------------------------------------------------------------
// Identity

export interface User {
  readonly id: string;
  /** unique, compared case-insensitively */
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: string[];
  readonly partnerOrg: string | null;
  readonly regions: string[];
  /** the user's manager (escalations, `owner_manager` approvers) */
  readonly manager: string | null;
  /** where "email" notifications go; null: in-app inbox only */
  readonly email: string | null;
  readonly locale: string;
  readonly disabled: boolean;
  /** set for the generated first admin password */
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserCreate {
  readonly id?: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: readonly string[];
  readonly partnerOrg?: string | null;
  readonly regions?: readonly string[];
  readonly manager?: string | null;
  readonly email?: string | null;
  readonly locale?: string;
  readonly mustChangePassword?: boolean;
}

export type UserChanges = Partial<Omit<UserCreate, 'id' | 'username'>> & { readonly disabled?: boolean };

export interface UserReader {
  get(id: string): Promise<User | null>;
  getByUsername(username: string): Promise<User | null>;
  /** ordered by username */
  list(): Promise<User[]>;
}

export interface UserRepository extends UserReader {
  /** STORAGE_DUPLICATE (path 'username'); STORAGE_NOT_FOUND (path 'partnerOrg'). */
  create(input: UserCreate): Promise<User>;
  /** STORAGE_NOT_FOUND when missing. */
  update(id: string, changes: UserChanges): Promise<User>;
}

export interface Session {
  /** the hash of the cookie token; the token itself is never stored */
  readonly tokenHash: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface SessionReader {
  /** null when missing or expired (by the storage clock) */
  get(tokenHash: string): Promise<Session | null>;
  /** the user of an unexpired session, in one round trip (every request asks); null otherwise */
  userOf(tokenHash: string): Promise<User | null>;
  /** userOf with DefinitionReader.publishedFingerprint read in the same statement */
  lookup(tokenHash: string): Promise<{ user: User; publishedFingerprint: string } | null>;
}

export interface SessionRepository extends SessionReader {
  create(input: { tokenHash: string; userId: string; expiresAt: Date | string }): Promise<Session>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  /** removes sessions expired at `now` (default: the storage clock); returns how many */
  deleteExpired(now?: Date): Promise<number>;
}

export interface PartnerOrg {
  readonly id: string;
  readonly name: string;
  readonly region: string | null;
  readonly createdAt: string;
}

export interface PartnerOrgReader {
  get(id: string): Promise<PartnerOrg | null>;
  /** ordered by name */
  list(): Promise<PartnerOrg[]>;
}

export interface PartnerOrgRepository extends PartnerOrgReader {
  /** STORAGE_DUPLICATE (path 'id'). */
  create(input: { id: string; name: string; region?: string | null }): Promise<PartnerOrg>;
}

// ---------------------------------------------------------------------------------------------
// Attachments: metadata only; the bytes live behind the server's blob store (`storageKey`).

export interface Attachment {
  readonly id: string;
  readonly app: string | null;
  readonly recordId: string | null;
  readonly field: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly storageKey: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface AttachmentReader {
  get(id: string): Promise<Attachment | null>;
  listByRecord(recordId: string): Promise<Attachment[]>;
}

export interface AttachmentLink {
  readonly ids: readonly string[];
  readonly recordId: string;
  readonly app: string;
  readonly actor: string;
}

export interface AttachmentRepository extends AttachmentReader {
  /** STORAGE_DUPLICATE (path 'storageKey'). */
  create(input: Omit<Attachment, 'id' | 'createdAt' | 'createdBy' | 'app' | 'recordId'> & {
    id?: string;
    app?: string | null;
    recordId?: string | null;
    createdBy: string;
  }): Promise<Attachment>;
  /** Links an uploaded attachment to the record it was submitted with. STORAGE_NOT_FOUND. */
  attach(id: string, recordId: string): Promise<Attachment>;
  /**
   * Links to the record, in one statement, those of `ids` that `actor` uploaded, for the record's
   * app or for none, and that no record holds yet; the others are left alone. Returns how many.
   */
  link(input: AttachmentLink): Promise<number>;
  delete(id: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Invitations: a link that lets its holder create one user of a partner organisation.

export interface Invitation {
  readonly id: string;
  /** SHA-256 of the link's token; the token itself is never stored */
  readonly tokenHash: string;
  readonly partnerOrg: string;
  /** the roles the new user gets */
  readonly roles: string[];
  readonly email: string | null;
  readonly locale: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly acceptedBy: string | null;
}

export interface InvitationReader {
  getByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /** oldest first */
  listByPartnerOrg(partnerOrg: string): Promise<Invitation[]>;
}

export interface InvitationRepository extends InvitationReader {
  /** STORAGE_NOT_FOUND (path 'partnerOrg'); STORAGE_DUPLICATE (path 'tokenHash'). */
  create(input: {
    tokenHash: string; partnerOrg: string; roles: readonly string[]; email?: string | null; locale: string;
    createdBy: string; expiresAt: Date | string;
  }): Promise<Invitation>;
  /** Marks it used by `userId`; null when it was already used or has expired. */
  accept(id: string, userId: string): Promise<Invitation | null>;
}

// ---------------------------------------------------------------------------------------------

export interface StorageReader {
  readonly apps: AppReader;
  readonly definitions: DefinitionReader;
  readonly records: RecordReader;
  readonly audit: AuditReader;
  readonly users: UserReader;
  readonly sessions: SessionReader;
  readonly partnerOrgs: PartnerOrgReader;
  readonly attachments: AttachmentReader;
  readonly invitations: InvitationReader;
  readonly flowInstances: FlowInstanceReader;
  readonly flowTasks: FlowTaskReader;
  readonly idempotency: IdempotencyReader;
  readonly inbox: InboxReader;
}

export interface StorageTx {
  readonly apps: AppRepository;
  readonly definitions: DefinitionRepository;
  readonly records: RecordRepository;
  readonly audit: AuditRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly partnerOrgs: PartnerOrgRepository;
  readonly attachments: AttachmentRepository;
  readonly invitations: InvitationRepository;
  readonly flowInstances: FlowInstanceRepository;
  readonly flowTasks: FlowTaskRepository;
  readonly idempotency: IdempotencyRepository;
  readonly inbox: InboxRepository;
  /**
   * This transaction's driver, for server modules that own their tables (jobs, flows): their
   * writes then commit or roll back with the rest of the transaction.
   */
  readonly sql: Sql;
  /** the storage clock, for the timestamps those modules write */
  readonly now: () => Date;
}

/** A data field the list views filter or sort on; 'number' is indexed by its numeric value, the rest as text. */
export interface IndexedField {
  readonly path: string;
  readonly type: 'string' | 'number' | 'boolean' | 'date';
}

/** The driver both backends implement; exposed for benchmarks and migrations of later issues. */
export interface Sql {
  /**
   * `prepare` names a hot statement whose text is always the same for that name: PostgreSQL then
   * parses and plans it once per connection instead of on every call (PGlite ignores it).
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[], prepare?: string): Promise<T[]>;
  /** several statements, no parameters (migrations) */
  exec(text: string): Promise<void>;
  /** runs fn in one transaction; nested calls reuse the outer one */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

export interface Migration {
  /** '0001_init', ordered by name */
  readonly name: string;
  readonly sql: string;
}

export interface Storage {
  readonly kind: StorageKind;
  /** Applies pending migrations (idempotent; serialised across processes on PostgreSQL). */
  migrate(): Promise<{ applied: string[] }>;
  /** Commits when fn resolves, rolls back (and rethrows) when it throws. */
  transaction<T>(fn: (tx: StorageTx) => Promise<T>): Promise<T>;
  /**
   * records.create without a transaction: the record and its audit entry are one statement, so
   * atomic on their own. For writes that do nothing else (a transaction costs two round trips).
   */
  createRecord(input: RecordCreate): Promise<StoredRecord>;
  readonly read: StorageReader;
  /**
   * Creates the btree expression indexes for these fields of the app's entity, partial on it, so
   * writes of other entities do not maintain them, and the planner's statistics of the indexed
   * values (idempotent); returns the index names.
   */
  ensureFieldIndexes(app: string, entity: string, fields: readonly IndexedField[]): Promise<string[]>;
  /** true when the database answers and every migration is applied */
  health(): Promise<boolean>;
  close(): Promise<void>;
  /** the raw driver: for benchmarks and tests, not for the server's request paths */
  readonly sql: Sql;
  readonly now: () => Date;
}
