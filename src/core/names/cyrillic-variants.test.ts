import assert from "node:assert/strict";
import { test } from "node:test";
import { compareNames } from "./compare-names.js";
import { asRussianLetters, bulgarianLatin, isBulgarian } from "./cyrillic-variants.js";

const score = (a: string, b: string) => compareNames({ full: a }, { full: b }).score;

test("Ukrainian, Belarusian, Kazakh and Mongolian letters as Russian ones", () => {
  assert.equal(asRussianLetters("Кім Чен Ин"), "Ким Чэн Ын");
  assert.equal(asRussianLetters("Кім Ён Чоль"), "Ким Ён Чоль");
  assert.equal(asRussianLetters("Ўладзімір Іваноў"), "Уладзимир Иваноу");
  assert.equal(asRussianLetters("Қасым-Жомарт Тоқаев"), "Касым-Жомарт Токаев");
  assert.equal(asRussianLetters("Ким Жонг Үн"), "Ким Жонг Ун");
  for (const s of ["Ким Чен Ын", "Объединённая компания", "Kim Jong Un"])
    assert.equal(asRussianLetters(s), s);
});

test("a Korean name in Ukrainian Cyrillic matches its list spelling, another does not", () => {
  assert.ok(score("Кім Чен Ин", "KIM JONG UN") >= 0.85);
  assert.ok(score("Кім Ён Чоль", "KIM YONG CHOL") >= 0.85);
  assert.ok(score("Кім Чен Ин", "KIM JONG IL") < 0.85);
});

test("Bulgarian by its spelling, in Streamlined System letters", () => {
  assert.ok(isBulgarian("Корейска търговска корпорация"));
  assert.ok(!isBulgarian("Объединённая компания"));
  assert.ok(!isBulgarian("Ким Чен Ын"));
  assert.equal(
    bulgarianLatin("Машиностроителна корпорация „Рьонха“"),
    "Mashinostroitelna korporatsiya „Ryonha“",
  );
  assert.equal(bulgarianLatin("Щерев Държавна"), "Shterev Darzhavna");
  assert.equal(bulgarianLatin("Ким Чен Ын"), undefined);
});
