/**
 * Page furniture by line shape: captions above a dateline, runs of headlines after the body,
 * captions in another register, pull quotes, titles with their site.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { furnitureParagraphs } from "./furniture.js";
import { paragraphs } from "./segment.js";

const furniture = (paras: string[]) => {
  const text = paras.join("\n\n");
  return furnitureParagraphs(text, paragraphs(text));
};

describe("evidence: furniture by line shape", () => {
  it("a full sentence between the headline and the dateline is a caption", () => {
    const page = [
      "Waitresses of the state, far from home",
      "Waitresses at a restaurant in Vientiane serve dinner to guests.",
      "VIENTIANE, Laos — About 30 North Korean women work at the restaurant, its manager said.",
    ];
    assert.deepEqual(furniture(page), [1]);
    // A dateline deep in a long document marks nothing above it.
    const sentences = Array.from({ length: 10 }, (_, i) => `Paragraph ${i} tells the story.`);
    assert.deepEqual(furniture([page[0]!, ...sentences, page[2]!]), []);
    // Without a dateline nothing above the lead is taken for a caption.
    assert.deepEqual(
      furniture([page[0]!, page[1]!, "About 30 North Korean women work there."]),
      [],
    );
    const korean = [
      "러시아에 북한 노동자 늘어",
      "블라디보스토크의 한 건설 현장.",
      "(서울=연합뉴스) 홍길동 기자 = 러시아에 북한 노동자 5천 명이 들어간 것으로 알려졌다.",
    ];
    assert.deepEqual(furniture(korean), [1]);
  });

  it("two or more unfinished lines in a row after the body are a list of related articles", () => {
    const body =
      "정부는 북한 노동자 300명이 단둥에서 일하고 있다고 밝혔습니다. 이들은 봉제공장과 수산물 가공공장에서 하루 열두 시간씩 일하며 임금의 대부분을 당국에 바칩니다.";
    assert.deepEqual(
      furniture([body, "관련 기사", "북, 중국에 노동자 파견", "몽골의 북한 노동자"]),
      [1, 2, 3],
    );
    // One subheading alone, and a bulleted list, are the report's own.
    assert.deepEqual(furniture([body, "단둥의 노동자 300명", body]), []);
    assert.deepEqual(furniture([body, "• 300 in Dandong", "• 200 in Tumen"]), []);
    assert.deepEqual(furniture([body, "Russia 30,000", "Kuwait 3,000", "Qatar 1,800"]), []);
    // Before the body has begun, a headline and a deck are not a list.
    assert.deepEqual(furniture(["North Korea sends workers", "A report on Dandong", body]), []);
  });

  it("a Korean caption in the plain register beside a report in the polite one", () => {
    const page = [
      "중국 투먼 공단, 북한 노동자 고용",
      "지난해 12월 투먼에서 군인들이 철조망을 보수하고 있다.",
      "투먼시 공단에는 현재 북한 노동자 200명이 일하고 있습니다.",
      "이 공단은 지난해 문을 열었습니다.",
    ];
    assert.deepEqual(furniture(page), [1]);
    // In a report written in the plain register the same sentence is the report's.
    const plain = page.map((p) =>
      p.replace("있습니다.", "있다.").replace("열었습니다.", "열었다."),
    );
    assert.deepEqual(furniture(plain), []);
    // A report that mixes the registers as often as not sets no caption apart.
    const mixed = [...page, "노동자들은 매일 공장에 나간다.", "임금은 당국이 가져간다."];
    assert.deepEqual(furniture(mixed), []);
  });

  it("a pull quote repeats another paragraph's sentence; a title ends with its site", () => {
    const body =
      "Nepal hosts dozens of North Korean nationals. Most of the North Koreans employed here have no work permits, officials said.";
    assert.deepEqual(
      furniture([body, "Most of the North Koreans employed here have no work permits"]),
      [1],
    );
    assert.deepEqual(
      furniture(["外媒:马来西亚否认不再雇佣朝鲜工人 - 俄罗斯卫星通讯社", body]),
      [0],
    );
  });
});
