/**
 * The words that make a sentence a statement of a kind: a deadline, a movement restriction, a
 * visa practice or an incident, in English, Chinese and Korean. A cue names the practice, not
 * just its vocabulary: "restrict" counts when what is restricted is a stay, a period or
 * movement ("restricted the period in which North Koreans can reside in Dandong"), not when it
 * is a sanction ("barred governments from granting work permits"); entry (入境, 입국) counts
 * when its purpose or condition is given.
 */
import type { ClaimKind } from "./claim.js";

const MONTH_WORD = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
// "by Dec. 22", "before the end of the year", "until 2019", "no later than December".
const BY_DATE = `\\b(?:by|before|until|no\\s+later\\s+than)\\s+(?:the\\s+)?(?:(?:end|middle|beginning)\\s+of\\s+)?(?:(?:19|20)\\d{2}|${MONTH_WORD}|this|next|the\\s+year|year|deadline)`;
const ZH_LEAVE = "(?:遣返|送回|送返|遣送|遣回|回国|回國|离境|離境|撤离|撤離)";
// Native verbs conjugate inside a syllable: 돌려보낸다 and 돌아갈 (will send back, will return)
// are not spelt with 돌려보내 or 돌아가.
const KO_LEAVE = "(?:송환|돌려보내|돌려보낼|돌려보낸다|귀국|철수|출국|돌아가|돌아갈)";

// Passports taken from the workers: a restriction of movement, not a visa practice.
const PASSPORT_HELD =
  /\bnot\s+in\s+possession\s+of\s+(?:his|her|their)\s+(?:own\s+)?passports?|\bpassports?\s+(?:were\s+|was\s+|are\s+|had\s+been\s+)?(?:taken|confiscated|held|seized|withheld)|여권을?\s?(?:빼앗|압수|회수|보관|뺏)|(?:没收|沒收|扣押|收走|扣留)[^。]{0,6}(?:护照|護照)|(?:护照|護照)[^。]{0,4}(?:被|遭)(?:没收|沒收|扣押|收走|扣留)/giu;

// Death, injury and flight by accident, by class in Chinese and Korean (dictionary synonyms of
// falling, drowning and suffocating to death, of grave injury and of running off): 坠亡, 坠楼, 坠落,
// 遇难, 罹难, 重伤, 脱逃, 逃出; 추락사, 추락해, 사고사, 익사, 질식사, 중상 (not 중상모략, slander).
const FATAL =
  "坠亡|墜亡|坠楼|墜樓|坠落|墜落|遇难|遇難|罹难|罹難|重伤|重傷|脱逃|脫逃|逃出|추락사|추락해|사고사|익사|질식사|중상(?!모략)";

// Incidents: unrest, death and injury, flight and disappearance ("went missing", 行蹤不明, 실종,
// 잠적), abduction, arrest and deportation, recalls.
const CUES: [ClaimKind, RegExp][] = [
  [
    "deadline",
    new RegExp(
      [
        "\\bdeadline\\b|\\b(?:remain|left)\\b[^.]{0,40}\\b(?:before|until)\\b|\\bhave\\s+until\\b",
        // An obligation to leave with its date: "must return home by", "were to be sent home by
        // Dec. 22", "have to leave before the end of the year".
        `\\b(?:must|were\\s+to|was\\s+to|are\\s+to|is\\s+to|have\\s+to|had\\s+to|required\\s+to|ordered\\s+to|supposed\\s+to|due\\s+to)\\s+(?:be\\s+|have\\s+)?(?:leave|return|go\\s+(?:home|back)|repatriated|sent\\s+(?:home|back)|returned|expelled)\\b[^.]{0,50}${BY_DATE}`,
        `\\b(?:repatriat\\w*|send\\w*\\s+(?:\\w+\\s+){0,5}(?:home|back)|return\\s+home|go\\s+back|expel)\\b[^.]{0,90}\\b(?:by|within\\s+(?:the\\s+)?(?:\\d+|a|an|one|two|three|four|five|six|several|few|next|coming|this|that)|until|before|at\\s+the\\s+end\\s+of)\\b`,
        "期限|截止|前(?:遣返|遣回)",
        `(?:要求|必须|必須|须|須|应当|應當|应该|應該|规定|規定)[^。]{0,40}${ZH_LEAVE}`,
        // Korean: a date with 까지 before a return not yet done, or a return one must make.
        `기한(?!이\\s?\\d{1,3}\\s?일)|시한|마감|까지[^.。]{0,40}${KO_LEAVE}(?!한|했|된|됐|돼|갔|시킨|시켰)`,
        `${KO_LEAVE}[^.]{0,20}(?:하도록|도록|해야|되어야|하라|것을\\s?정하|의무)|${KO_LEAVE}야`,
        // A term or date to close the firms that employ them: "ordered the closure of North
        // Korean companies … within 120 days", "ordered all businesses … to close by January 9".
        "\\b(?:order\\w*|requir\\w*|told)\\b[^.]{0,80}\\b(?:clos\\w*|shut\\w*)\\b[^.]{0,80}\\b(?:within\\s+\\d+|by\\s+(?:the\\s+end\\s+of\\s+)?(?:(?:19|20)\\d{2}|" +
          MONTH_WORD +
          "))",
        // "两年内遣返", "三个月之内撤离": a term to send them back.
        `(?:\\d+|[一二两兩三四五六七八九十]+)\\s?(?:年|个月|個月)(?:之)?(?:内|內)[^。]{0,8}${ZH_LEAVE}`,
        // A term to send them back: "2년 내에 돌려보내게", "within two years".
        `(?:\\d+|한|두|세)\\s?(?:년|개월|달)\\s?(?:이\\s?)?내에?[^.]{0,20}${KO_LEAVE}`,
      ].join("|"),
      "i",
    ),
  ],
  [
    "movement_restriction",
    /\bnot\s+in\s+possession\s+of\s+(?:his|her|their)\s+(?:own\s+)?passports?|\bpassports?\s+(?:were\s+|was\s+|are\s+|had\s+been\s+)?(?:taken|confiscated|held|seized|withheld)|여권을?\s?(?:빼앗|압수|회수|보관|뺏)|(?:没收|沒收|扣押|收走|扣留)[^。]{0,6}(?:护照|護照)|(?:护照|護照)[^。]{0,4}(?:被|遭)(?:没收|沒收|扣押|收走|扣留)|限制[^。]{0,4}自由|禁止[^。]{0,8}(?:移动|移動)|(?:移动|移動)[^。]{0,4}(?:禁止|限制)|\bconfin\w*|\bfence[sd]?\b|\bchain-link\b|\bcan(?:'|’)?t\s+leave|\bcannot\s+leave|\b(?:not|\w+n['’]t)\s+(?:allowed|permitted)\s+to\s+(?:leave|go|visit|\w+\s+alone)|\bwithout\s+permission\b|\bforbidden\s+(?:to|from)\b|\blocked\s+(?:in|up)\b|\bcurfew\b|\bminders?\b|\bescort(?:ed)?\b|\bin\s+pairs\b|\bkept\s+(?:inside|within|in\s+(?:the|their)\s+(?:dormitor|compound|factor|plant|zone))\w*|\bmay\s+not\s+(?:leave|visit|go)\b|\b(?<!(?:don['’]t|do\s+not|no)\s+place\s+)(?:restrict\w*|limit\w*)\b[^.]{0,60}\b(?:stay|stays|sojourn|reside|residence|movement|period)|\b(?:stays?|sojourn|period)\w*\b[^.]{0,40}\b(?:restrict\w*|limit\w*)|\b(?:the\s+)?limit\s+is\b|\bno\s+longer\s+than\b|\bconfiscat\w*|限制[^。]{0,10}(?:外出|居留|停留|活动|活動)|禁止外出|不准(?:外出|离开|離開)|不得(?:外出|离开|離開)|(?<!海)外出|封闭|封閉|감금|외출|갇혀|(?:체류|거주)[^.]{0,20}제한|監視|监视|看管|看守|铁丝网|鐵絲網|围墙|圍牆|不能(?:外出|离开|離開)|\bunder\s+(?:close\s+|constant\s+|strict\s+|the\s+)?(?:surveillance|watch|guard)\b|\b(?:watched|monitored|guarded)\s+(?:by|around|day|and\s+controlled)\b|\b(?:ordered|told|instructed)\b[^.]{0,60}\bnot\s+to\s+(?:return|come\s+back|go\s+home)\b|\bresist\w*\s+(?:their|the\s+workers['’]?)\s+return\b|禁止[^。]{0,12}(?:返国|返國|回国|回國)|(?:下令|命令)[^。]{0,20}(?:不用|不要|不得|不准)(?:返|回)(?:国|國)|귀국(?:을)?\s?(?:금지|불허|막)|\b(?:closely|constantly|strictly|tightly|heavily)\s+(?:monitored|watched|guarded|controlled|supervised)\b|\bkept\s+(?:on\s+a\s+(?:tight|short)\s+leash|away\s+from\s+(?:the\s+)?(?:local\s+)?(?:population|locals|public|people))\b|\bbarbed\s+wire\b|\b(?:not|rarely|seldom|never|hardly\s+ever|\w+n['’]t)\s+(?:allowed|permitted)\s+(?:out|to\s+(?:leave|go|travel|meet|talk|speak|contact|come\s+into\s+contact))\b|\bforbid\w*\s+(?:them|him|her|workers|the\s+\w+)\s+(?:to|from)\b|\bpermitted\s+to\s+\w+[^.]{0,40}\bin\s+groups\b|行动受限|行動受限|(?:没有|沒有|无|無)[^。，,]{0,10}(?:的)?自由|(?:必须|必須|只能)[^。]{0,4}(?:两|兩|二|三|四)人(?:以上)?(?:同行|一起|结伴|結伴|一组|一組)|不得与|不得與|不准与|不准與|(?:提前)?报备行程|(?:提前)?報備行程|(?:자유롭게|마음대로|혼자)\s?(?:다닐|이동할|외출할|나갈)\s?수\s?없|허락\s?없이[^.]{0,10}(?:외출|이동|나가)|감시(?:를|\s?(?:하에|속에|아래))|감시당|가림막|철조망|울타리|(?:나가지|벗어나지|외출하지)\s?못|나갈\s?수\s?없|\bcan\s+only\s+stay\b|\bstay\s+(?:for\s+)?(?:no\s+more\s+than|up\s+to|at\s+most)\b|\bonly\s+in\s+groups\b|(?:최대|최장)[^.]{0,15}체류|체류\s?기간[^.]{0,10}(?:최대|최장|넘지)|\d인\s?1조|(?:最多|最长|最長|不得超过|不得超過)[^。]{0,8}(?:停留|居留|逗留)|(?:停留|居留|逗留)[^。]{0,8}(?:不得超过|不得超過|最多|最长|最長)/i,
  ],
  [
    "visa_practice",
    /(?:송출|파견)[^.]{0,4}중단|(?:허가|비자|체류)[^.]{0,12}갱신|신규[^.]{0,16}금지|당일치기|延长[^。]{0,12}(?:滞留|滯留|停留|居留)|(?:滞留|滯留|停留|居留)(?:期间|期間|时间|時間)[^。]{0,6}延长|\bwork\s+authori[sz]ations?\b|\bvisas?\b|\bpermits?\b|\bborder\s+pass(?:es)?\b|\brenew\w*|\bre-?enter\w*|\boverstay\w*|\bvisa[-\s]runs?\b|\bvisitor\b|\btrainees?\b|\binterns?(?:hip)?\b|\bvisa-free\b|\bextend\w*\s+(?:their|his|her|the)\s+stay|\bstays?\b[^.]{0,30}\b(?:shorter|less|under|fewer)\s+than\b|签证|簽證|通行证|通行證|护照|護照|续签|續簽|(?:入境|입국)[^。.]{0,12}(?:目的|名义|名義|목적|조건)|(?:目的|名义|名義|以)[^。]{0,12}入境|(?:조건으로|목적으로)[^.]{0,20}입국|출입국|비자|사증|도강증|통행증|재입국|여권|연수생|유학생|研修生|实习生|實習生|고용\s?허가|\bentry\s+and\s+(?:stay|residence)\b|(?:입국|入境)\s?(?:과|와|및|和|及|与|與)\s?(?:체류|居留|停留)|체류\s?(?:기간|연장|허가)|(?:居留|停留)(?:期限|许可|許可)|\bborder[-\s]runs?\b|(?:获得|獲得|取得|办理|辦理|申请|申請)[^。]{0,20}(?:工作|劳动|勞動|就业|就業)(?:许可|許可)|(?:노동|취업|근로)\s?허가(?:증)?(?:를|을)?\s?(?:받|취득|발급)|掩护|掩護|幌子|\bas\s+(?:a\s+)?cover\b|\bdisguis\w*|위장|\b(?:accept\w*|hir\w*|dispatch\w*|employ\w*)\s+of\s+(?:new\s+)?(?:north\s+korean\s+)?workers\b[^.]{0,40}\bbann?ed\b|\bban(?:ned|s)?\s+(?:on\s+)?(?:the\s+)?(?:accept|hir|dispatch|employ)\w*|(?:송출|파견|고용)[^.]{0,6}금지|禁止[^。]{0,10}(?:派遣|雇佣|僱傭|输出|輸出)|\bquotas?\b[^.]{0,30}\b(?:allocat\w*|issu\w*|grant\w*|for)\b|\bextend\w*\s+(?:the\s+)?(?:period|term)\s+of\s+(?:work|stay|employment|residence)|(?:劳务|勞務)(?:合作)?(?:协议|協議|协(?:\([^)]{1,6}\))?议|協\([^)]{1,6}\)議)|(?:\d+|[한두세네다섯])\s?(?:~\s?\d+)?\s?년\s?(?:단위|주기|마다)[^.]{0,30}(?:파견|교체)|(?:파견|송출)할\s?계획|(?:노동|취업)\s?쿼터|再入境|重新入境|再次入境|(?:出境|出国|出國)[^。]{0,10}(?:再|重新)(?:入境|回来|回來)|(?:允许|允許)[^。，,]{0,20}(?:进入|進入|入境|来到|來到)[^。，,]{0,10}(?:工作|务工|務工|打工)?|(?:노동자|근로자|인력)(?:들)?(?:을|를)\s?(?:추가로\s?|더\s?|새로\s?)?(?:받아들이|수용하)/i,
  ],
  [
    "incident",
    new RegExp(
      String.raw`\b(?:given\s+orders?|ordered)\s+to\s+return\s+home\b|적발|\bcancel\w*\s+(?:\w+\s+){0,2}contracts\b|\bdeport\w*|\bdetained\b|\barrested\b|投靠|投奔|拘留|拘捕|逮捕|失联|失聯|소환(?:했|됐|되)|구금|체포|\briots?\b|\bunrest\b|\bprotest\w*|\bstrikes?\b|\buprising\b|\bhostages?\b|\bkilled\b|\bdied\b|\bdeaths?\b|\bsuicide\b|(?<!\bunder\s)\bfire\b|\binjur\w*|\bbeaten\b|\bstabbed\b|\bescaped\b|\bdefect\w*|\b(?:were|was|been|being)\s+(?:shipped|sent)\s+back\b|\b(?:were|was|been|being)\s+recalled\b|\brecall(?:ed|s|ing)?\s+(?:all\s+|its\s+|their\s+|the\s+)?(?:[\d,]+\s+)?(?:north\s+korean\s+)?(?:workers|waitress\w*|employees|staff|labou?rers)\b|(?<!没有被|沒有被|未被|不)召回|\brepatriated\s+\d|\bterminat\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+['’]\s+)?(?:work\s+)?(?:contracts?|agreements?)|自焚|焚身|분신|망명|\bfled\b|\bclash\w*|\bviolen(?:ce|t|tly)\b(?!\s+between\b)|\bwalk-?out\b|\bstoppage\b|\bran\s+away\b|\brefus\w*\s+to\s+(?:go\s+to\s+)?work\b|骚乱|騷亂|暴动|暴動|罢工|罷工|抗议|抗議|死亡|死在|死于|死於|猝死|身亡|劫持|人质|人質|逃跑|出逃|逃亡|叛逃|脱北|脫北|冲突|衝突|逃离|逃離|拒绝(?:上班|工作|上工|劳动)|拒絕(?:上班|工作|上工|勞動)|停工|怠工|(?:작업|출근|근무|일)을?\s?거부|受伤|受傷|自杀|自殺|殴打|毆打|폭동|소요|시위|파업|사망|숨지|숨진|숨졌|(?<!급)부상|자살|폭행|인질|탈북|탈출|도주|도망|충돌|집단행동|\b(?:went|gone|go|are|were|was|is)\s+missing\b|\bdisappeared\b|\bvanished\b|\babduct\w*|\bkidnap\w*|失踪|失蹤|行踪不明|行蹤不明|(?:工人|劳工|勞工|员工|員工|服务员|服務員)[^。，,]{0,6}消失|绑架|綁架|丧命|喪命|실종|잠적|(?:노동자|근로자|종업원|직원|일꾼)들?(?:\s?\d+\s?명)?(?:이|가)\s[^.]{0,16}사라졌|납치|${FATAL}`,
      "i",
    ),
  ],
];

// A visa practice is a statement about workers or about visas themselves, not any mention
// of "trainee" or "intern".
const VISA_WORD =
  /visa|permit|pass|renew|stay|签证|簽證|通行证|續簽|续签|入境|许可|許可|비자|도강증|갱신|입국|허가|유학생|송출|파견|cover|disguis|掩护|掩護|위장|\bbann?ed\b/i;

// Visas as a label for whom a figure counts ("holders of work visas", 취업비자를 보유한,
// 持有工作签证的) state no practice.
const NOT_A_VISA_PRACTICE = new RegExp(
  [
    "\\b(?:holding|holders?\\s+of)\\s+(?:\\w+\\s+)?(?:visas?|permits?)\\b|\\b(?:visa|permit)\\s+holders\\b",
    "(?:취업\\s?|노동\\s?)?(?:비자|사증|허가증?)[를을]?\\s?(?:보유한|소지한|지닌|가진)",
    // "정식 취업 허가를 받아 일하고 있는 북한 노동자 수": the papers name whom the figure counts.
    "(?:비자|사증|허가증?)[를을]?\\s?받아\\s?(?:일하|근무하)(?:고\\s?있는|는)",
    "持有[^。]{0,6}(?:签证|簽證|许可|許可)的?",
    // The papers counted people came or live on: "7.8 thousand … arrived in Russia on student
    // visas", "three North Koreans were living in Malta on work visas", "13名…持有效护照正常出境"
    // ("they returned with student visas", with no count, is the practice itself).
    "(?:\\d|\\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\\b)[^.;]{0,80}?\\b(?:on|with)\\s+(?:(?:valid|their|student|study|work|working|business|tourist|employment)\\s+){1,2}(?:visas?|permits?|passports?)\\b",
    "\\d[^。；]{0,30}?持(?:有)?有效(?:护照|護照|签证|簽證|证件|證件)",
  ].join("|"),
  "giu",
);

// What is prevented is no incident ("为防范有人逃离", "to prevent defections", "탈북을 막기 위해").
const PREVENTION = /防范|防範|防止|\bto\s+prevent\b|막기\s?위해|방지/iu;
// An official's death or flight is not the workers' incident.
const OFFICIAL =
  /干部|幹部|官员|官員|大使|간부|대사|\bofficials?\b|\bdiplomats?\b|\bambassador\b/iu;

// Workers sent home under the UN sanctions ("23,000 … have been sent back home under a U.N.
// sanctions resolution", "deported … ahead of a UN sanctions deadline"): a state's tally of the
// workers it returned to comply is a count, not an incident, when removal is the sentence's one
// incident cue. A UN report as the source ("according to a U.N. Panel of Experts report") is
// no such reason.
const SANCTIONS =
  /\b(?:sanctions?|resolutions?|Security\s+Council)\b|安理会|安理會|制裁|决议|決議|안보리|제재|결의/u;
const REMOVAL_WORDS =
  /\bdeport\w*|\b(?:were|was|been|being)\s+(?:shipped|sent)\s+back\b|\brepatriated\s+\d|召回|소환(?:했|됐|되)/giu;

// People named by an event ("脱北者", "탈북민", "defectors") are a category, not the event.
const EVENT_AS_PEOPLE = /脱北者|脫北者|탈북자|탈북민|\bdefectors?\b/giu;

/** Whether an incident cue in the sentence is about the workers: not a prevention, not an
 * official's when no worker is named, not only a category of people named after an event. */
function isWorkersIncident(sentence: string, aboutWorkers: boolean, cue: RegExp): boolean {
  if (!cue.test(sentence.replace(EVENT_AS_PEOPLE, " "))) return false;
  if (SANCTIONS.test(sentence) && !cue.test(sentence.replace(REMOVAL_WORDS, " "))) return false;
  const m = cue.exec(sentence);
  if (m && PREVENTION.test(sentence.slice(Math.max(0, m.index - 12), m.index))) return false;
  return aboutWorkers || !OFFICIAL.test(sentence);
}

// Enforcement against the workers: caught, detained, deported or expelled. Over their papers
// ("caught working on expired visas", "비자 만료로 적발돼 추방") it is the incident the papers
// led to, not a visa practice.
const ENFORCEMENT =
  /\bdeport\w*|\bdetained\b|\barrested\b|\bexpelled\b|\bcaught\b|추방|적발|쫓겨|덜미|체포|구금|拘留|拘捕|逮捕|驱逐|驅逐|查获|查獲/iu;

/** The statement kinds a sentence makes, in a fixed order. */
export function statementKinds(sentence: string, aboutWorkers: boolean): ClaimKind[] {
  const kinds = statementCues(sentence, aboutWorkers);
  if (kinds.includes("incident") && kinds.includes("visa_practice") && ENFORCEMENT.test(sentence))
    return kinds.filter((k) => k !== "visa_practice");
  return kinds;
}

function statementCues(sentence: string, aboutWorkers: boolean): ClaimKind[] {
  const out: ClaimKind[] = [];
  for (const [kind, cue] of CUES) {
    if (!cue.test(sentence)) continue;
    if (
      kind === "visa_practice" &&
      !cue.test(sentence.replace(NOT_A_VISA_PRACTICE, " ").replace(PASSPORT_HELD, " "))
    )
      continue;
    if (kind === "incident" && !isWorkersIncident(sentence, aboutWorkers, cue)) continue;
    // An ambassador told to leave within a month sets no deadline for the workers.
    if (kind === "deadline" && !aboutWorkers && OFFICIAL.test(sentence)) continue;
    if (kind === "visa_practice" && !aboutWorkers && !VISA_WORD.test(sentence)) continue;
    out.push(kind);
  }
  return out;
}

// An incident named again through a demonstrative ("these protests", "這些抗議活動", "이번 시위").
const INCIDENT_ANAPHOR =
  /\b(?:these|those|this|that|the\s+same)\s+(?:protests?|riots?|strikes?|defections?|escapes?|incidents?|unrest|deaths?|uprising)\b|(?:这些|這些|该|該|此次|这次|這次|上述)(?:抗议|抗議|骚乱|騷亂|暴动|暴動|罢工|罷工|事件|逃跑|出逃|叛逃|死亡)|(?:이번|이러한|해당)\s?(?:시위|폭동|파업|탈출|사건|집단행동|소요)/iu;

/** Whether the sentence names an incident already told, through a demonstrative. */
export function refersBackToIncident(sentence: string): boolean {
  return INCIDENT_ANAPHOR.test(sentence);
}
