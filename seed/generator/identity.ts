/**
 * Who a partner is: kind, stage, territory, names, contacts, the sales volume it is sized for and
 * its key dates. Every other part of the partner's data builds on this.
 */
import { addDays } from './calendar.js';
import { PROVINCES, ORGANISATION_CODE_CHARS, creditCode } from './china.js';
import {
  CONTACT_ROLES, KIND_WEIGHTS, PRODUCT_LINES, PROVINCE_WEIGHT, QUARTERLY_TARGET, REGISTERED_CAPITAL, type PartnerKind,
} from './catalog.js';
import type { GeneratorContext } from './context.js';
import { decimal, int, mobile, pick, reseed, weighted, type Random } from './random.js';

/** Where a partner is in its life: not yet applied, under review, or working with us. */
export type Stage = 'prospect' | 'onboarding' | 'established';

export interface Contact {
  readonly name: string;
  readonly role: string;
  readonly phone: string;
  readonly email: string;
}

export interface Identity {
  readonly index: number;
  readonly partnerId: string;
  readonly kind: PartnerKind;
  readonly stage: Stage;
  readonly name: string;
  readonly creditCode: string;
  readonly province: string;
  readonly city: string;
  readonly address: string;
  /** the first is the main contact */
  readonly contacts: readonly [Contact, ...Contact[]];
  readonly accountManager: string;
  /** the quarterly sales target (CNY) the partner started with, before growth and seasonality */
  readonly baseTarget: number;
  /** the product lines it sells */
  readonly lines: readonly string[];
  /** 10,000 CNY */
  readonly registeredCapital: number;
  /** at most half the registered capital */
  readonly requestedCreditLimit: number;
  readonly appliedOn: string;
  /** established partners only */
  readonly joinedOn?: string;
}

const PROVINCE_ENTRIES = Object.entries(PROVINCES).map(([code, info]) => [{ code, ...info }, PROVINCE_WEIGHT[code] ?? 1] as const);
const BRAND_WORDS = ['恒信', '华通', '联创', '鼎盛', '启航', '宏图', '瑞丰', '嘉禾', '汇川', '中联', '博远', '明德'] as const;
const TRADES = ['商贸', '科技', '电子', '贸易', '信息技术', '智能设备', '网络科技'] as const;

function shortName(place: string): string {
  return place.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

function partnerName(random: Random, kind: PartnerKind, provinceName: string, city: string): string {
  switch (kind) {
    case 'internal_sales':
      return `${shortName(provinceName)}直销${pick(random, ['一', '二', '三'])}部`;
    case 'branch':
      return `${shortName(provinceName)}分公司`;
    case 'independent_rep':
      return random.person.fullName();
    case 'retailer':
      return `${shortName(city)}${pick(random, BRAND_WORDS)}${pick(random, ['数码', '电器', '科技'])}专卖店`;
    case 'distributor':
      return `${shortName(city)}${pick(random, BRAND_WORDS)}${pick(random, TRADES)}有限公司`;
  }
}

function contact(random: Random): Contact {
  return { name: random.person.fullName(), role: pick(random, CONTACT_ROLES), phone: mobile(random), email: random.internet.email().toLowerCase() };
}

export function partnerIdentity(ctx: GeneratorContext, index: number): Identity {
  const { quarters } = ctx;
  const { referenceDate, seed } = ctx.options;
  const random = reseed(ctx.random, seed, index, 'identity');
  const kind = weighted(random, KIND_WEIGHTS);
  const stage = weighted<Stage>(random, [['prospect', 4], ['onboarding', 6], ['established', 90]]);
  const { code: province, name: provinceName, division } = weighted(random, PROVINCE_ENTRIES);
  const city = random.location.city();
  const [minTarget, maxTarget] = QUARTERLY_TARGET[kind];
  const [minCapital, maxCapital] = REGISTERED_CAPITAL[kind] ?? [10, 1000];
  const registeredCapital = int(random, minCapital, maxCapital);
  const firstQuarter = quarters[0]?.start ?? referenceDate;
  const joinedOn = stage === 'established' ? addDays(firstQuarter, -int(random, 30, 5 * 365)) : undefined;
  return {
    index,
    partnerId: `P${String(index + 1).padStart(6, '0')}`,
    kind,
    stage,
    name: partnerName(random, kind, provinceName, city),
    creditCode: creditCode(division, random.string.numeric(4), random.string.fromCharacters(ORGANISATION_CODE_CHARS, 9)),
    province,
    city,
    address: `${provinceName}${city}${random.location.street()}${random.location.buildingNumber()}号`,
    contacts: [contact(random), ...Array.from({ length: int(random, 0, 2) }, () => contact(random))],
    accountManager: random.person.fullName(),
    baseTarget: int(random, minTarget / 10_000, maxTarget / 10_000) * 10_000,
    lines: random.helpers.arrayElements(PRODUCT_LINES, { min: 2, max: 4 }),
    registeredCapital,
    requestedCreditLimit: Math.floor((registeredCapital * 5000 * decimal(random, 0.3, 1, 2)) / 10_000) * 10_000,
    appliedOn: joinedOn === undefined ? addDays(referenceDate, -int(random, 3, 40)) : addDays(joinedOn, -int(random, 15, 60)),
    ...(joinedOn === undefined ? {} : { joinedOn }),
  };
}
