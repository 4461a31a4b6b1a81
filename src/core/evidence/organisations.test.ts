/**
 * Organisation names introduced by "called"/"named" (with an expansion in brackets), by Korean
 * "라는" or the suffix 사 after a Latin rendering, and category phrases that name no one.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findOrganisations } from "./organisations.js";

const names = (text: string) => findOrganisations(text).map((o) => o.name);

describe("evidence: organisation names", () => {
  it("reads a name the text introduces with called, named, 라는 or 사", () => {
    assert.deepEqual(
      names("The workers were hired through a firm called Kreata in Zelezna Ruda."),
      ["Kreata"],
    );
    const genco = findOrganisations(
      "They work for a construction company called GENCO (Korea General Corporation for External Construction) in Guinea.",
    );
    assert.deepEqual(
      genco.map((o) => o.name),
      ["GENCO"],
      "the expansion in brackets is part of the mention, not a second company",
    );
    assert.deepEqual(names("북한 노동자들은 오굴레비츠(Ogulewicz)라는 이 회사에서 일한다."), [
      "Ogulewicz",
    ]);
    assert.deepEqual(names("북한 노동자들은 아르멕스(Armex)사를 통해 파견됐다."), ["Armex"]);
    assert.deepEqual(names("a restaurant called Songdowon"), [], "a restaurant visited");
  });

  it("finds no name in a category phrase with a determiner, verb or classifier before it", () => {
    for (const text of [
      "根据公司规定,工人不能外出。",
      "这些水产品加工公司雇用了朝鲜工人。",
      "他们通过幌子公司汇款。",
      "1800名北韓人加入公司。",
      "북한 노동자들은 합작 해운회사 소속이다.",
    ])
      assert.deepEqual(names(text), [], text);
  });
});
