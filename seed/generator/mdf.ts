/**
 * MDF requests of an established partner over the last year and the next two months, and the
 * claims filed for activities that are over. The co-op share is whatever the template's
 * `coop_share_by_tier` rule gives the partner's tier; a tier with no share files no requests.
 */
import type { FormRecord } from '@trellis/forms';
import { addDays, minDay } from './calendar.js';
import { ACTIVITY_NAMES, ACTIVITY_TYPES, PROOF_FILES } from './catalog.js';
import type { GeneratorContext } from './context.js';
import type { Identity } from './identity.js';
import { chance, decimal, int, pick, reseed, weighted, type Random } from './random.js';


export interface MdfRecords {
  readonly requests: FormRecord[];
  readonly claims: FormRecord[];
}

/** Requests per partner are numbered index × 10 + n, so numbers are unique and stable. */
const MAX_REQUESTS = 3;

function requestStatus(random: Random, plannedEndDate: string, referenceDate: string): string {
  if (chance(random, 0.1)) return 'rejected';
  if (plannedEndDate > referenceDate) return chance(random, 0.5) ? 'approved' : 'submitted';
  return plannedEndDate < addDays(referenceDate, -30) && chance(random, 0.8) ? 'closed' : 'granted';
}

/** What a claim needs to know about the request it settles. */
interface Granted {
  readonly requestNo: string;
  readonly partnerId: string;
  readonly activityName: string;
  readonly plannedEndDate: string;
  readonly budget: number;
  readonly coopShare: number;
  readonly approvedAmount: number;
  readonly closed: boolean;
}

function claimRecord(random: Random, request: Granted, referenceDate: string): FormRecord {
  const activityEndedOn = request.plannedEndDate;
  const actualSpend = Math.round(request.budget * decimal(random, 0.75, 1.05, 4) * 100) / 100;
  const claimAmount = Math.min(request.approvedAmount, Math.floor(actualSpend * request.coopShare * 100) / 100);
  const attendees = int(random, 20, 800);
  const leadsGenerated = int(random, 0, Math.floor(attendees / 2));
  return {
    claimNo: request.requestNo.replace('MDF', 'MDC'),
    requestNo: request.requestNo,
    partnerId: request.partnerId,
    submittedOn: minDay(addDays(activityEndedOn, int(random, 3, 25)), referenceDate),
    activityEndedOn,
    actualSpend,
    claimAmount,
    proofFiles: random.helpers.arrayElements(PROOF_FILES, { min: 1, max: 4 }).map(([fileName, contentType]) => ({
      fileId: random.string.alphanumeric(20),
      fileName,
      contentType,
    })),
    resultsReport: `本次${request.activityName}共接待客户 ${attendees} 人，获取有效线索 ${leadsGenerated} 条，已录入系统跟进。`,
    attendees,
    leadsGenerated,
    status: request.closed ? pick(random, ['verified', 'paid']) : 'submitted',
  };
}

export function mdfRecords(ctx: GeneratorContext, identity: Identity, tierMetal: string): MdfRecords {
  const { referenceDate, seed } = ctx.options;
  const random = reseed(ctx.random, seed, identity.index, 'mdf');
  const coopShare = Number(ctx.rules.coopShare({ tierMetal }));
  const count = weighted(random, [[0, 3], [1, 4], [2, 2], [MAX_REQUESTS, 1]]);
  if (!(coopShare > 0)) return { requests: [], claims: [] };

  const requests: FormRecord[] = [];
  const claims: FormRecord[] = [];
  for (let n = 0; n < count; n++) {
    const activityType = pick(random, ACTIVITY_TYPES);
    const activityName = `${identity.city}${activityType === 'store_promotion' ? '' : pick(random, identity.lines)}${ACTIVITY_NAMES[activityType]}`;
    const plannedDate = addDays(referenceDate, int(random, -330, 60));
    const plannedEndDate = addDays(plannedDate, int(random, 0, 3));
    const budget = int(random, 20, 400) * 1000;
    const maxContribution = Math.round(budget * coopShare * 100) / 100;
    const requestedAmount = Math.floor((maxContribution * decimal(random, 0.6, 1, 2)) / 100) * 100;
    const status = requestStatus(random, plannedEndDate, referenceDate);
    const requestNo = `MDF${String(identity.index * 10 + n + 1).padStart(8, '0')}`;
    const approvedAmount = ['approved', 'granted', 'closed'].includes(status)
      ? Math.floor((requestedAmount * decimal(random, 0.8, 1, 2)) / 100) * 100
      : undefined;
    requests.push({
      requestNo,
      partnerId: identity.partnerId,
      appliedOn: minDay(addDays(plannedDate, -int(random, 14, 45)), referenceDate),
      activityName,
      activityType,
      plannedDate,
      plannedEndDate,
      plan: `${activityName}：面向${identity.city}及周边重点行业客户，预计邀约 ${int(random, 10, 120)} 家企业，配合门店陈列与线上引流。`,
      expectedLeads: int(random, 20, 400),
      budget,
      coopShare,
      requestedAmount,
      status,
      ...(approvedAmount === undefined ? {} : { approvedAmount }),
    });
    const over = status === 'closed' || (status === 'granted' && plannedEndDate <= addDays(referenceDate, -3));
    if (over && approvedAmount !== undefined) {
      const granted = { requestNo, partnerId: identity.partnerId, activityName, plannedEndDate, budget, coopShare, approvedAmount, closed: status === 'closed' };
      claims.push(claimRecord(random, granted, referenceDate));
    }
  }
  return { requests, claims };
}
