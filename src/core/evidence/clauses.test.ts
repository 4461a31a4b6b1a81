/**
 * Clauses per language: the span a count's place, period and subject are read in first.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clauseAround } from "./clauses.js";

/** The clause around the first occurrence of `word` in `sentence`. */
function clauseOf(sentence: string, word: string): string {
  const at = sentence.indexOf(word);
  assert.ok(at >= 0, word);
  const [a, b] = clauseAround(sentence, at, at + word.length, 0, sentence.length);
  return sentence.slice(a, b).trim();
}

describe("evidence: clauses", () => {
  it("English: relative and contrastive clauses, a new subject after 'and', attributions", () => {
    const s = "Some 500 work in Tumen, while 300 were sent to Dandong in 2019.";
    assert.equal(clauseOf(s, "500"), "Some 500 work in Tumen");
    assert.equal(clauseOf(s, "300"), "while 300 were sent to Dandong in 2019.");
    const t = "About 1,000 workers arrived in Tumen, and the rest went to Dandong.";
    assert.equal(clauseOf(t, "1,000"), "About 1,000 workers arrived in Tumen");
    // A list is no clause break: "Tumen, Hunchun and Dandong".
    const list = "Workers are in Tumen, Hunchun and Dandong.";
    assert.equal(clauseOf(list, "Hunchun"), list);
    const att = "According to the ministry of Dandong, 2,000 workers left Tumen.";
    assert.equal(clauseOf(att, "2,000"), "2,000 workers left Tumen.");
    assert.equal(clauseOf(att, "ministry"), "According to the ministry of Dandong");
    const trailing = "2,000 workers left Tumen, according to officials in Dandong.";
    assert.equal(clauseOf(trailing, "2,000"), "2,000 workers left Tumen");
    assert.equal(clauseOf("They stayed; 300 left.", "300"), "300 left.");
  });

  it("Chinese: commas and semicolons", () => {
    const s = "丹东有3000名朝鲜工人，但其中一半在图们；其余回国。";
    assert.equal(clauseOf(s, "3000"), "丹东有3000名朝鲜工人");
    assert.equal(clauseOf(s, "一半"), "但其中一半在图们");
  });

  it("Korean: connective and quote endings, but not a -고 that is part of the verb", () => {
    const s = "투먼에 1천 명이 있다고 밝혔지만 단둥에는 500명이 있으며 현재 늘고 있다.";
    assert.equal(clauseOf(s, "1천"), "투먼에 1천 명이 있다고");
    assert.equal(clauseOf(s, "500명"), "단둥에는 500명이 있으며");
    const v = "단둥 공장은 노동자 300명을 고용하고 있다.";
    assert.equal(clauseOf(v, "300명"), v);
  });
});
