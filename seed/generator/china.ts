/**
 * Mainland provinces by the template's province codes (ISO 3166-2:CN), with the Chinese name for
 * addresses and the two-digit GB/T 2260 division code that opens a unified social credit code's
 * registration-authority part. Geography, not business rules: the template keeps the region map.
 */
export const PROVINCES: Readonly<Record<string, { readonly name: string; readonly division: string }>> = {
  'CN-BJ': { name: '北京市', division: '11' },
  'CN-TJ': { name: '天津市', division: '12' },
  'CN-HE': { name: '河北省', division: '13' },
  'CN-SX': { name: '山西省', division: '14' },
  'CN-NM': { name: '内蒙古自治区', division: '15' },
  'CN-LN': { name: '辽宁省', division: '21' },
  'CN-JL': { name: '吉林省', division: '22' },
  'CN-HL': { name: '黑龙江省', division: '23' },
  'CN-SH': { name: '上海市', division: '31' },
  'CN-JS': { name: '江苏省', division: '32' },
  'CN-ZJ': { name: '浙江省', division: '33' },
  'CN-AH': { name: '安徽省', division: '34' },
  'CN-FJ': { name: '福建省', division: '35' },
  'CN-JX': { name: '江西省', division: '36' },
  'CN-SD': { name: '山东省', division: '37' },
  'CN-HA': { name: '河南省', division: '41' },
  'CN-HB': { name: '湖北省', division: '42' },
  'CN-HN': { name: '湖南省', division: '43' },
  'CN-GD': { name: '广东省', division: '44' },
  'CN-GX': { name: '广西壮族自治区', division: '45' },
  'CN-HI': { name: '海南省', division: '46' },
  'CN-CQ': { name: '重庆市', division: '50' },
  'CN-SC': { name: '四川省', division: '51' },
  'CN-GZ': { name: '贵州省', division: '52' },
  'CN-YN': { name: '云南省', division: '53' },
  'CN-XZ': { name: '西藏自治区', division: '54' },
  'CN-SN': { name: '陕西省', division: '61' },
  'CN-GS': { name: '甘肃省', division: '62' },
  'CN-QH': { name: '青海省', division: '63' },
  'CN-NX': { name: '宁夏回族自治区', division: '64' },
  'CN-XJ': { name: '新疆维吾尔自治区', division: '65' },
};

/** Characters of a unified social credit code (GB 32100-2015): digits and capitals without I, O, S, V, Z. */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a unified social credit code from its first 17 (GB 32100-2015 check). */
export function creditCodeCheckChar(first17: string): string {
  let total = 0;
  for (let i = 0; i < 17; i++) total += CODE_CHARS.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return CODE_CHARS[(31 - (total % 31)) % 31] as string;
}

/** "91" (enterprise), the province's division code + 4 digits, a 9-character organisation code, check. */
export function creditCode(division: string, area: string, organisation: string): string {
  const first17 = `91${division}${area}${organisation}`;
  return first17 + creditCodeCheckChar(first17);
}

export const ORGANISATION_CODE_CHARS = CODE_CHARS;
