/**
 * Vocabulary for plausible sample records: weights and word lists. Sample flavour only; every
 * business rule (tiers, cards, co-op shares, required documents) comes from the template.
 */
export type PartnerKind = 'internal_sales' | 'branch' | 'distributor' | 'retailer' | 'independent_rep';

export const KIND_WEIGHTS: readonly (readonly [PartnerKind, number])[] = [
  ['distributor', 40], ['retailer', 30], ['independent_rep', 15], ['branch', 10], ['internal_sales', 5],
];

/** Quarterly sales target range (CNY) by partner kind. */
export const QUARTERLY_TARGET: Readonly<Record<PartnerKind, readonly [number, number]>> = {
  internal_sales: [2_000_000, 8_000_000],
  branch: [1_000_000, 6_000_000],
  distributor: [400_000, 3_000_000],
  retailer: [80_000, 600_000],
  independent_rep: [30_000, 200_000],
};

/** Registered capital range (10,000 CNY) of the companies that state it. */
export const REGISTERED_CAPITAL: Readonly<Partial<Record<PartnerKind, readonly [number, number]>>> = {
  distributor: [50, 3000],
  retailer: [10, 500],
};

/** Seasonality of quarterly targets, Q1..Q4. */
export const SEASONALITY = [0.85, 1, 0.95, 1.2] as const;

/** Provinces where more partners are, by weight; the others weigh 1. */
export const PROVINCE_WEIGHT: Readonly<Record<string, number>> = {
  'CN-GD': 5, 'CN-JS': 4, 'CN-ZJ': 4, 'CN-SD': 3, 'CN-SH': 3, 'CN-BJ': 3, 'CN-HA': 2, 'CN-SC': 2, 'CN-HB': 2, 'CN-FJ': 2,
};

export const PRODUCT_LINES = ['智能终端', '网络设备', '云服务', '行业解决方案', '配件耗材'] as const;
export const CONTACT_ROLES = ['总经理', '销售总监', '采购经理', '财务经理', '技术负责人', '市场经理'] as const;
export const COURSES = ['产品知识培训', '销售技巧培训', '渠道合规培训', '技术认证培训', '解决方案实战营', '渠道政策宣讲'] as const;
export const CERTIFICATION_TYPES = ['sales', 'technical', 'solution'] as const;
export const CERTIFICATION_LEVELS = ['associate', 'professional', 'expert'] as const;
export const ACTIVITY_TYPES = ['exhibition', 'seminar', 'online_ads', 'store_promotion', 'customer_training', 'product_launch'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_NAMES: Readonly<Record<ActivityType, string>> = {
  exhibition: '行业展会',
  seminar: '客户研讨会',
  online_ads: '线上推广',
  store_promotion: '门店促销',
  customer_training: '客户技术培训',
  product_launch: '新品发布会',
};
export const PROOF_FILES = [
  ['发票.pdf', 'application/pdf'],
  ['合同.pdf', 'application/pdf'],
  ['活动现场照片.jpg', 'image/jpeg'],
  ['签到表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['广告投放截图.png', 'image/png'],
] as const;
export const REJECTION_REASONS = ['注册资本不足，暂不具备经销资质。', '征信存在不良记录。', '所在区域渠道已饱和。'] as const;
