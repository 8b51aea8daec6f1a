/** The shapes of the server's answers the studio reads (see apps/server routes). */
import type { LocalizedText } from '@trellis/errors';

export interface Me {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly locale: string | null;
  readonly mustChangePassword: boolean;
}

export interface AppSummary {
  readonly id: string;
  readonly label: LocalizedText;
  readonly templateVersion: string | null;
}

export interface DefinitionSummary {
  readonly app: string;
  readonly kind: string;
  readonly id: string;
  readonly latestVersion: number | null;
  readonly publishedAt: string | null;
  readonly hasDraft: boolean;
}

export interface DefinitionVersion {
  readonly kind: string;
  readonly id: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly body: Record<string, unknown>;
}

export interface DefinitionDraft {
  readonly kind: string;
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly basedOn: number | null;
  readonly updatedAt: string;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly string[];
}
