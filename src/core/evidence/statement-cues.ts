/**
 * The words that make a sentence a statement of a kind: a deadline, a movement restriction, a
 * visa practice or an incident, in English, Chinese and Korean. A cue names the practice, not
 * just its vocabulary: "restrict" counts when what is restricted is a stay, a period or
 * movement ("restricted the period in which North Koreans can reside in Dandong"), not when it
 * is a sanction ("barred governments from granting work permits"); entry (入境, 입국) counts
 * when its purpose or condition is given.
 */
import type { ClaimKind } from "./claim.js";

const CUES: [ClaimKind, RegExp][] = [
  [
    "deadline",
    /\bdeadline\b|\b(?:remain|left)\b[^.]{0,40}\b(?:before|until)\b|\bmust\s+(?:leave|return|be\s+repatriated|go\s+(?:home|back))\b[^.]{0,40}\bby\b|\bhave\s+until\b|\b(?:repatriat\w*|send\w*\s+(?:\w+\s+){0,5}(?:home|back)|returned?\s+home|go\s+back|expel)\b[^.]{0,90}\b(?:by|within|until|before|at\s+the\s+end\s+of)\b|期限|截止|前遣返|(?:要求|必须|必須|须|須|应当|應當|规定|規定)[^。]{0,40}(?:遣返|送回|送返|遣送)|기한|시한|마감|까지[^.。]{0,40}송환(?!한|했|된|됐|돼)|(?:송환|돌려보내|돌려보낼)[^.]{0,20}(?:하도록|도록|해야|되어야|하라|것을\s?정하|의무)/i,
  ],
  [
    "movement_restriction",
    /\bconfin\w*|\bfence[sd]?\b|\bchain-link\b|\bcan(?:'|’)?t\s+leave|\bcannot\s+leave|\bnot\s+(?:allowed|permitted)\s+to\s+(?:leave|go|visit)|\bwithout\s+permission\b|\bforbidden\s+(?:to|from)\b|\blocked\s+(?:in|up)\b|\bcurfew\b|\bminders?\b|\bescort(?:ed)?\b|\bin\s+pairs\b|\bkept\s+(?:inside|within|in\s+(?:the|their)\s+(?:dormitor|compound|factor|plant|zone))\w*|\bmay\s+not\s+(?:leave|visit|go)\b|\b(?<!(?:don['’]t|do\s+not|no)\s+place\s+)(?:restrict\w*|limit\w*)\b[^.]{0,60}\b(?:stay|stays|sojourn|reside|residence|movement|period)|\b(?:stays?|sojourn|period)\w*\b[^.]{0,40}\b(?:restrict\w*|limit\w*)|\b(?:the\s+)?limit\s+is\b|\bno\s+longer\s+than\b|\bconfiscat\w*|限制[^。]{0,10}(?:外出|居留|停留|活动|活動)|禁止外出|不准(?:外出|离开|離開)|不得(?:外出|离开|離開)|外出|封闭|封閉|감금|외출|갇혀|(?:체류|거주)[^.]{0,20}제한|監視|监视/i,
  ],
  [
    "visa_practice",
    /\bvisas?\b|\bpermits?\b|\bborder\s+pass(?:es)?\b|\brenew\w*|\bre-?enter\w*|\boverstay\w*|\bvisa[-\s]runs?\b|\bvisitor\b|\btrainees?\b|\binterns?(?:hip)?\b|\bvisa-free\b|\bextend\w*\s+(?:their|his|her|the)\s+stay|\bstays?\b[^.]{0,30}\b(?:shorter|less|under|fewer)\s+than\b|签证|簽證|通行证|通行證|护照|護照|续签|續簽|(?:入境|입국)[^。.]{0,12}(?:目的|名义|名義|목적|조건)|(?:目的|名义|名義|以)[^。]{0,12}入境|(?:조건으로|목적으로)[^.]{0,20}입국|출입국|비자|사증|도강증|통행증|재입국|여권|연수생|유학생|研修生|实习生|實習生|고용\s?허가/i,
  ],
  [
    "incident",
    /\briots?\b|\bunrest\b|\bprotest\w*|\bstrikes?\b|\buprising\b|\bhostages?\b|\bkilled\b|\bdied\b|\bdeaths?\b|\bsuicide\b|\bfire\b|\binjur\w*|\bbeaten\b|\bstabbed\b|\bescaped\b|\bdefect\w*|\bfled\b|\bclash\w*|\bviolen\w*|\bwalk-?out\b|\bstoppage\b|\bran\s+away\b|\brefus\w*\s+to\s+(?:go\s+to\s+)?work\b|骚乱|騷亂|暴动|暴動|罢工|罷工|抗议|抗議|死亡|死在|死于|死於|猝死|身亡|劫持|人质|人質|逃跑|出逃|逃亡|叛逃|脱北|脫北|冲突|衝突|폭동|소요|시위|파업|사망|인질|탈북|도주|충돌|집단행동/i,
  ],
];

// A visa practice is a statement about workers or about visas themselves, not any mention
// of "trainee" or "intern".
const VISA_WORD =
  /visa|permit|pass|renew|stay|签证|簽證|通行证|續簽|续签|入境|비자|도강증|갱신|입국|허가|유학생/i;

/** The statement kinds a sentence makes, in a fixed order. */
export function statementKinds(sentence: string, aboutWorkers: boolean): ClaimKind[] {
  const out: ClaimKind[] = [];
  for (const [kind, cue] of CUES) {
    if (!cue.test(sentence)) continue;
    if (kind === "visa_practice" && !aboutWorkers && !VISA_WORD.test(sentence)) continue;
    out.push(kind);
  }
  return out;
}
