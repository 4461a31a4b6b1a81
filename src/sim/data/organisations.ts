/**
 * Parts for Chinese-style company names as they appear on invitation letters and port logs:
 * city + trade name + line of business + 有限公司 (Co., Ltd.). Korean readings are the
 * Sino-Korean readings a Yanbian (ethnic Korean) clerk would write. The trade names are
 * invented from common words; any match with a real company is accidental.
 */

export interface NamePart {
  zh: string;
  /** Pinyin words, capitalised as in an English company name. */
  en: string;
  ko: string;
}

export const CITY_PARTS: Record<string, NamePart> = {
  hunchun: { zh: "珲春市", en: "Hunchun", ko: "훈춘시" },
  dandong: { zh: "丹东市", en: "Dandong", ko: "단동시" },
  tumen: { zh: "图们市", en: "Tumen", ko: "도문시" },
  helong: { zh: "和龙市", en: "Helong", ko: "화룡시" },
  longjing: { zh: "龙井市", en: "Longjing", ko: "룡정시" },
  jian: { zh: "集安市", en: "Ji'an", ko: "집안시" },
  changbai: { zh: "长白县", en: "Changbai", ko: "장백현" },
  yanji: { zh: "延吉市", en: "Yanji", ko: "연길시" },
};

export const TRADE_NAMES: readonly NamePart[] = [
  { zh: "东洋", en: "Dongyang", ko: "동양" },
  { zh: "金星", en: "Jinxing", ko: "금성" },
  { zh: "海林", en: "Hailin", ko: "해림" },
  { zh: "长白", en: "Changbai", ko: "장백" },
  { zh: "新兴", en: "Xinxing", ko: "신흥" },
  { zh: "大成", en: "Dacheng", ko: "대성" },
  { zh: "和平", en: "Heping", ko: "화평" },
  { zh: "东方", en: "Dongfang", ko: "동방" },
  { zh: "光明", en: "Guangming", ko: "광명" },
  { zh: "恒丰", en: "Hengfeng", ko: "항풍" },
  { zh: "永兴", en: "Yongxing", ko: "영흥" },
  { zh: "吉祥", en: "Jixiang", ko: "길상" },
  { zh: "天成", en: "Tiancheng", ko: "천성" },
  { zh: "鸿运", en: "Hongyun", ko: "홍운" },
  { zh: "盛海", en: "Shenghai", ko: "성해" },
  { zh: "远洋", en: "Yuanyang", ko: "원양" },
  { zh: "海星", en: "Haixing", ko: "해성" },
  { zh: "金海", en: "Jinhai", ko: "금해" },
  { zh: "白山", en: "Baishan", ko: "백산" },
  { zh: "宏达", en: "Hongda", ko: "굉달" },
  { zh: "华丰", en: "Huafeng", ko: "화풍" },
  { zh: "瑞丰", en: "Ruifeng", ko: "서풍" },
  { zh: "正大", en: "Zhengda", ko: "정대" },
  { zh: "兴隆", en: "Xinglong", ko: "흥륭" },
  { zh: "利民", en: "Limin", ko: "리민" },
  { zh: "顺达", en: "Shunda", ko: "순달" },
  { zh: "图们江", en: "Tumenjiang", ko: "두만강" },
  { zh: "鸭绿江", en: "Yalujiang", ko: "압록강" },
  { zh: "北方", en: "Beifang", ko: "북방" },
  { zh: "明珠", en: "Mingzhu", ko: "명주" },
  { zh: "金达莱", en: "Jindalai", ko: "진달래" },
  { zh: "银河", en: "Yinhe", ko: "은하" },
];

/** Lines of business reported for DPRK labour: seafood, garments, electronics, wood, pharma. */
export const SECTORS: Record<string, NamePart> = {
  seafood: { zh: "水产", en: "Seafood", ko: "수산" },
  garment: { zh: "服装", en: "Garment", ko: "피복" },
  electronics: { zh: "电子", en: "Electronics", ko: "전자" },
  wood: { zh: "木业", en: "Wood Industry", ko: "목업" },
  pharma: { zh: "制药", en: "Pharmaceutical", ko: "제약" },
  food: { zh: "食品", en: "Foodstuff", ko: "식품" },
  trading: { zh: "贸易", en: "Trading", ko: "무역" },
  logistics: { zh: "国际物流", en: "International Logistics", ko: "국제물류" },
  travel: { zh: "国际旅行社", en: "International Travel Service", ko: "국제려행사" },
};

export const COMPANY_SUFFIX: NamePart = { zh: "有限公司", en: "Co., Ltd.", ko: "유한회사" };

/** Universities that take DPRK students in the north-east (sponsor strings for students). */
export const SCHOOLS: readonly NamePart[] = [
  { zh: "延边大学", en: "Yanbian University", ko: "연변대학" },
  { zh: "辽东学院", en: "Eastern Liaoning University", ko: "료동학원" },
  { zh: "吉林大学", en: "Jilin University", ko: "길림대학" },
];
