/**
 * The words that make a passage about overseas workers, by category rather than by instance,
 * in English, Chinese and Korean. A category holds the nouns (or verbs) of one kind of mention:
 * the workers themselves, their jobs, the state that sends them, the act of sending them, the
 * workplaces and organisations that employ them. The reading rules ask for a category ("a
 * sentence about workers", "a paragraph about employment"), never for a list of words, so a
 * new word goes into one row here and every rule that asks for its category sees it.
 */

export type LexiconCategory =
  /** People counted as workers: workers, labourers, staff, women workers, trainees. */
  | "worker"
  /** Working or being employed. */
  | "work"
  /** Sending workers abroad: dispatch, 派遣, 파견. */
  | "dispatch"
  /** Places and bodies that employ: factories, restaurants, companies. */
  | "workplace"
  /** People a count may name who are not workers: soldiers and troops, officials and
   * diplomats. A count they govern is no worker count, even in a passage about workers. */
  | "nonworker";

interface Words {
  /** English words, matched whole and case-insensitively. */
  en: string[];
  /** Chinese and Korean words, matched anywhere (they are written without spaces). */
  cjk: string[];
}

const LEXICON: Record<LexiconCategory, Words> = {
  worker: {
    en: [
      "workers?",
      "labou?rers?",
      "labou?r",
      "employees",
      "women",
      "North\\s+Koreans",
      "(?:North\\s+Korean|DPRK)\\s+(?:residents|nationals|citizens)",
      "seamstresses",
      "recruits",
      "trainees",
      "interns",
      "staff",
      "workforces?",
      "(?:im)?migrants",
      "waitress(?:es)?",
      "waiters",
      "cooks",
      "crew(?:men|\\s+members)?",
      "seafarers",
      "fishermen",
      "loggers",
      "welders",
      "builders",
      "miners",
      "nurses",
      "doctors",
      "physicians",
      "medical\\s+(?:staff|personnel|teams?)",
      "painters",
      "carpenters",
    ],
    cjk: [
      "工人",
      "劳工",
      "勞工",
      "劳动者",
      "勞動者",
      "劳务",
      "勞務",
      "女工",
      "服务员",
      "服務員",
      "女侍应",
      "女侍應",
      "伐木工",
      "焊工",
      "矿工",
      "礦工",
      "渔工",
      "漁工",
      "船员",
      "船員",
      "医生",
      "醫生",
      "医疗队",
      "醫療隊",
      "护士",
      "護士",
      "员工",
      "員工",
      "人员",
      "人員",
      "노동자",
      "근로자",
      "朝鲜居民",
      "朝鮮居民",
      "北韩居民",
      "北韓居民",
      "노동",
      "노무",
      "인력",
      "여성",
      "여공",
      "직원",
      "종업원",
      "벌목공",
      "건설공",
      "용접공",
      "광부",
      "의료진",
      "의료인",
      "간호사",
    ],
  },
  work: {
    en: [],
    cjk: ["务工", "務工", "打工", "工作", "일하", "근무", "취업", "고용"],
  },
  dispatch: {
    en: ["dispatch(?:ed|ing)?", "sent\\s+(?:abroad|overseas)"],
    cjk: ["派遣", "派往", "派至", "파견"],
  },
  workplace: {
    en: [
      "employ\\w*",
      "hir\\w*",
      "work(?:s|ed|ing)?\\s+(?:at|for|in)",
      "(?:sent|went)\\s+(?:by|to)",
      "factor(?:y|ies)",
      "plants?",
      "compan(?:y|ies)",
      "processing",
      "recruit\\w*",
      "staffing",
      "affiliated\\s+with",
      "shipyards?",
      "restaurants?",
    ],
    cjk: [
      "雇",
      "工厂",
      "工廠",
      "加工",
      "企业",
      "企業",
      "所属",
      "所屬",
      "隶属",
      "隸屬",
      "旗下",
      "餐厅",
      "餐廳",
      "人才",
      "공장",
      "소속",
      "산하",
      "사업소",
      "식당",
    ],
  },
  nonworker: {
    en: [
      "military",
      "soldiers?",
      "troops?",
      "servicem[ae]n",
      "combat",
      "strength",
      "officials?",
      "diplomats?",
      "army",
    ],
    cjk: [
      "军人",
      "軍人",
      "士兵",
      "兵力",
      "官兵",
      "军队",
      "軍隊",
      "部队",
      "部隊",
      "人民军",
      "人民軍",
      "官员",
      "官員",
      "外交官",
      "外交人员",
      "外交人員",
      "研究人员",
      "研究人員",
      "执法人员",
      "執法人員",
      "调查人员",
      "調查人員",
      "군인",
      "병력",
      "장병",
      "병사",
      "북한군",
      "부대원",
      "외교관",
    ],
  },
};

/** A regex that finds any word of the given categories. */
export function lexiconPattern(...categories: LexiconCategory[]): RegExp {
  const en = categories.flatMap((c) => LEXICON[c].en);
  const cjk = categories.flatMap((c) => LEXICON[c].cjk);
  const parts = [...(en.length > 0 ? [`\\b(?:${en.join("|")})\\b`] : []), ...cjk];
  return new RegExp(parts.join("|"), "i");
}

/** A sentence about workers: a worker noun, working, or sending workers abroad. */
export const WORKER_CONTEXT = lexiconPattern("worker", "work", "dispatch");

/** A paragraph about employment: any word of the lexicon. */
export const EMPLOYER_CONTEXT = lexiconPattern("worker", "work", "dispatch", "workplace");

/** Nouns of people who are not workers (the "nonworker" category), as alternatives for a
 * larger pattern: English words (whole words) and Chinese and Korean ones. */
export const NON_WORKER_EN = LEXICON.nonworker.en.join("|");
export const NON_WORKER_CJK = LEXICON.nonworker.cjk.join("|");
