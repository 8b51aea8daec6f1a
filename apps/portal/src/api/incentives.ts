import type { LocalizedText } from '@trellis/errors';
import { api, path } from './client.js';

/** One line of a result: its amount and how it was reached. */
export interface ResultLine {
  readonly id: string;
  readonly amount: string;
  readonly explanation: {
    readonly formula: { readonly kind: 'amount' | 'base_rate'; readonly base?: string; readonly baseValue?: string; readonly rate?: unknown; readonly amount?: unknown };
    readonly raw: string;
    readonly rounded: string;
    readonly capped: readonly { readonly kind: string; readonly amount: string }[];
  };
}

export interface ProgramResultView {
  readonly program: string;
  readonly eligible: boolean;
  readonly amount: string;
  readonly currency: string;
  readonly lines: readonly ResultLine[];
  readonly explanation: { readonly metrics?: Record<string, unknown>; readonly derived?: readonly { id: string; value: unknown }[] };
}

export interface Statement {
  readonly runId: string;
  readonly period: string;
  readonly subjects: readonly { readonly subject: string; readonly results: readonly ProgramResultView[] }[];
}

/** A program as the portal shows it: names of the program and of its metrics and derived values. */
export interface ProgramInfo {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly period: string;
  readonly metrics: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly derived?: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly lines?: readonly { readonly id: string; readonly label?: LocalizedText }[];
}

export interface CalculatorAnswer {
  readonly result: { readonly total: string; readonly eligible: boolean; readonly lines: readonly ResultLine[] };
  readonly actual: { readonly total: string } | null;
  readonly difference: string;
}

export const incentives = {
  statement: (app: string, period: string) => api<Statement>('GET', `${path`/api/apps/${app}/incentives/statement`}?period=${encodeURIComponent(period)}`),
  calculate: (app: string, body: { program: string; period: string; subject: string; overrides: Record<string, { add: string }> }) =>
    api<CalculatorAnswer>('POST', path`/api/apps/${app}/incentives/calculator`, body),
  programs: async (app: string): Promise<ProgramInfo[]> => {
    const list = await api<{ id: string; latestVersion: number | null }[]>('GET', `${path`/api/apps/${app}/definitions`}?kind=program`);
    const published = list.filter((d) => d.latestVersion !== null);
    return Promise.all(published.map(async (d) => (await api<{ body: ProgramInfo }>('GET', path`/api/apps/${app}/definitions/program/${d.id}`)).body));
  },
};

/** The quarter a date falls in, as the incentive APIs name periods (2026-Q2). */
export function quarterOf(date: Date, offset = 0): string {
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
