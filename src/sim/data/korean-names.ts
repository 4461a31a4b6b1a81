/**
 * Name material for simulated DPRK nationals.
 *
 * Surnames: the 2015 South Korean census counts (Wikipedia "List of Korean surnames", 2015
 * table; CC BY-SA 4.0) are the only public frequency table; no DPRK census of surnames is
 * published, so they stand in for the North. Hangul is written in the North's form, without
 * the South's initial-sound law (李 리 not 이, 林 림, 柳/劉 류, 盧 로, 梁 량, 羅 라, 廉 렴,
 * 呂 려), as in UN 1718 list entries such as RI WON HO and RYU JIN. Where one South Korean
 * Hangul surname covers several Hanja with different North forms (유 = 柳/劉 → 류 but 兪 → 유;
 * 양 = 梁 → 량 but 楊 → 양), the count is split by an estimate noted on the row.
 *
 * Given names: Sino-Korean syllables common in DPRK names as they appear in the UN 1718 list
 * and press (Yong Chol, Myong Su, Song Hui, Ok Sun, Kum Hui, Un Jong …), each with the
 * character usually chosen for it. `zh` is the simplified form a Chinese port log prints.
 */

export interface Surname {
  /** North Korean Hangul form. */
  hangul: string;
  /** Traditional (Korean) character. */
  hanja: string;
  /** Simplified Chinese form. */
  zh: string;
  /** 2015 census count (South Korea), used as a relative weight. */
  weight: number;
}

export const SURNAMES: readonly Surname[] = [
  { hangul: "김", hanja: "金", zh: "金", weight: 10689967 },
  { hangul: "리", hanja: "李", zh: "李", weight: 7307237 },
  { hangul: "박", hanja: "朴", zh: "朴", weight: 4192080 },
  { hangul: "정", hanja: "鄭", zh: "郑", weight: 2407601 },
  { hangul: "최", hanja: "崔", zh: "崔", weight: 2340582 },
  { hangul: "조", hanja: "趙", zh: "赵", weight: 1453971 },
  { hangul: "강", hanja: "姜", zh: "姜", weight: 1269290 },
  { hangul: "장", hanja: "張", zh: "张", weight: 1021107 },
  { hangul: "윤", hanja: "尹", zh: "尹", weight: 1020564 },
  { hangul: "림", hanja: "林", zh: "林", weight: 1015200 },
  { hangul: "신", hanja: "申", zh: "申", weight: 986001 },
  // 유 963,498 + 류 163,994: split 柳 60 % / 劉 25 % / 兪 15 % (estimate).
  { hangul: "류", hanja: "柳", zh: "柳", weight: 676495 },
  { hangul: "류", hanja: "劉", zh: "刘", weight: 281873 },
  { hangul: "유", hanja: "兪", zh: "俞", weight: 169124 },
  { hangul: "한", hanja: "韓", zh: "韩", weight: 773537 },
  { hangul: "오", hanja: "吳", zh: "吴", weight: 763334 },
  { hangul: "서", hanja: "徐", zh: "徐", weight: 752233 },
  { hangul: "전", hanja: "全", zh: "全", weight: 749266 },
  { hangul: "권", hanja: "權", zh: "权", weight: 706212 },
  { hangul: "황", hanja: "黃", zh: "黄", weight: 697475 },
  { hangul: "안", hanja: "安", zh: "安", weight: 685688 },
  { hangul: "송", hanja: "宋", zh: "宋", weight: 683521 },
  { hangul: "홍", hanja: "洪", zh: "洪", weight: 558994 },
  // 양 530,554: split 梁 (North 량) 60 % / 楊 (양) 40 % (estimate).
  { hangul: "량", hanja: "梁", zh: "梁", weight: 318332 },
  { hangul: "양", hanja: "楊", zh: "杨", weight: 212222 },
  { hangul: "고", hanja: "高", zh: "高", weight: 471429 },
  { hangul: "문", hanja: "文", zh: "文", weight: 464047 },
  { hangul: "손", hanja: "孫", zh: "孙", weight: 457356 },
  { hangul: "배", hanja: "裵", zh: "裴", weight: 400669 },
  { hangul: "백", hanja: "白", zh: "白", weight: 382447 },
  { hangul: "허", hanja: "許", zh: "许", weight: 326782 },
  { hangul: "로", hanja: "盧", zh: "卢", weight: 315372 },
  { hangul: "남", hanja: "南", zh: "南", weight: 275659 },
  { hangul: "심", hanja: "沈", zh: "沈", weight: 272049 },
  { hangul: "하", hanja: "河", zh: "河", weight: 233106 },
  { hangul: "주", hanja: "朱", zh: "朱", weight: 232063 },
  { hangul: "구", hanja: "具", zh: "具", weight: 208550 },
  { hangul: "곽", hanja: "郭", zh: "郭", weight: 203365 },
  { hangul: "성", hanja: "成", zh: "成", weight: 199160 },
  { hangul: "우", hanja: "禹", zh: "禹", weight: 195729 },
  { hangul: "차", hanja: "車", zh: "车", weight: 194788 },
  { hangul: "진", hanja: "陳", zh: "陈", weight: 186310 },
  { hangul: "민", hanja: "閔", zh: "闵", weight: 171799 },
  { hangul: "라", hanja: "羅", zh: "罗", weight: 161015 },
  { hangul: "지", hanja: "池", zh: "池", weight: 160147 },
  { hangul: "엄", hanja: "嚴", zh: "严", weight: 144660 },
  { hangul: "변", hanja: "卞", zh: "卞", weight: 138802 },
  { hangul: "채", hanja: "蔡", zh: "蔡", weight: 131757 },
  { hangul: "원", hanja: "元", zh: "元", weight: 130174 },
  { hangul: "방", hanja: "方", zh: "方", weight: 129559 },
  { hangul: "천", hanja: "千", zh: "千", weight: 121927 },
  { hangul: "현", hanja: "玄", zh: "玄", weight: 88831 },
  { hangul: "함", hanja: "咸", zh: "咸", weight: 80659 },
  { hangul: "렴", hanja: "廉", zh: "廉", weight: 69428 },
  { hangul: "려", hanja: "呂", zh: "吕", weight: 60000 },
];

export interface GivenSyllable {
  hangul: string;
  hanja: string;
  zh: string;
  /** Relative weight as the first and as the second syllable of a given name. */
  first: number;
  second: number;
}

const g = (hangul: string, hanja: string, zh: string, first: number, second: number) => ({
  hangul,
  hanja,
  zh,
  first,
  second,
});

export const MALE_SYLLABLES: readonly GivenSyllable[] = [
  g("영", "永", "永", 8, 3),
  g("철", "哲", "哲", 3, 10),
  g("광", "光", "光", 5, 3),
  g("성", "成", "成", 6, 5),
  g("명", "明", "明", 6, 4),
  g("정", "正", "正", 5, 3),
  g("혁", "赫", "赫", 2, 6),
  g("일", "日", "日", 3, 6),
  g("남", "男", "男", 3, 5),
  g("호", "浩", "浩", 3, 6),
  g("국", "國", "国", 3, 5),
  g("수", "秀", "秀", 2, 8),
  g("길", "吉", "吉", 3, 3),
  g("룡", "龍", "龙", 3, 6),
  g("진", "眞", "真", 3, 4),
  g("준", "俊", "俊", 3, 4),
  g("학", "學", "学", 4, 3),
  g("훈", "勳", "勋", 1, 5),
  g("석", "錫", "锡", 2, 4),
  g("봉", "鳳", "凤", 4, 3),
  g("덕", "德", "德", 4, 3),
  g("만", "萬", "万", 3, 3),
  g("복", "福", "福", 3, 3),
  g("춘", "春", "春", 4, 3),
  g("웅", "雄", "雄", 1, 4),
  g("건", "建", "建", 2, 3),
  g("용", "勇", "勇", 3, 3),
  g("근", "根", "根", 1, 3),
  g("대", "大", "大", 3, 2),
  g("동", "東", "东", 4, 3),
  g("무", "武", "武", 2, 2),
  g("범", "範", "范", 1, 3),
  g("식", "植", "植", 1, 4),
  g("원", "元", "元", 3, 4),
  g("환", "煥", "焕", 2, 4),
  g("현", "賢", "贤", 3, 3),
  g("섭", "燮", "燮", 1, 3),
  g("송", "松", "松", 2, 2),
  g("경", "敬", "敬", 3, 2),
  g("기", "基", "基", 3, 3),
  g("윤", "允", "允", 2, 2),
  g("천", "天", "天", 2, 2),
  g("강", "剛", "刚", 2, 2),
  g("은", "恩", "恩", 3, 2),
  g("충", "忠", "忠", 3, 2),
];

export const FEMALE_SYLLABLES: readonly GivenSyllable[] = [
  g("순", "順", "顺", 3, 9),
  g("희", "姬", "姬", 1, 10),
  g("옥", "玉", "玉", 6, 5),
  g("미", "美", "美", 4, 4),
  g("향", "香", "香", 3, 5),
  g("숙", "淑", "淑", 2, 7),
  g("영", "英", "英", 7, 4),
  g("금", "錦", "锦", 6, 3),
  g("화", "花", "花", 2, 6),
  g("련", "蓮", "莲", 2, 5),
  g("심", "心", "心", 2, 4),
  g("은", "恩", "恩", 5, 4),
  g("정", "貞", "贞", 5, 5),
  g("주", "珠", "珠", 2, 5),
  g("경", "京", "京", 4, 3),
  g("혜", "惠", "惠", 4, 3),
  g("설", "雪", "雪", 4, 3),
  g("단", "丹", "丹", 2, 2),
  g("란", "蘭", "兰", 1, 4),
  g("월", "月", "月", 1, 4),
  g("애", "愛", "爱", 3, 2),
  g("실", "實", "实", 1, 3),
  g("녀", "女", "女", 0, 3),
  g("선", "善", "善", 4, 4),
  g("명", "明", "明", 4, 2),
  g("춘", "春", "春", 3, 2),
  g("복", "福", "福", 3, 2),
  g("림", "林", "林", 1, 2),
  g("진", "珍", "珍", 3, 3),
  g("연", "妍", "妍", 2, 3),
  g("아", "娥", "娥", 1, 3),
  g("송", "松", "松", 3, 2),
  g("성", "星", "星", 3, 2),
];

/** Chinese names for the few PRC drivers and traders (common surnames and given characters). */
export const CHINESE_SURNAMES: readonly string[] = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
];
export const CHINESE_GIVEN_CHARS: readonly string[] = [
  "伟",
  "强",
  "磊",
  "军",
  "勇",
  "杰",
  "涛",
  "斌",
  "超",
  "明",
  "刚",
  "平",
  "辉",
  "鹏",
  "华",
  "飞",
  "鑫",
  "波",
  "宁",
  "海",
  "东",
  "建",
  "国",
  "林",
];
