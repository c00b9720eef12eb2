import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { messagesFor, NAMESPACES } from "../../lib/i18n/messages";

// The message catalogues of the two languages (lib/i18n/messages/<locale>/<namespace>.json, SPEC §11):
// the same keys in both, every message valid ICU with the same arguments and tags in both, and no
// Spanish message left as its English one (a few names are the same in both: listed here).

const SAME_IN_BOTH = new Set(["common.brand", "common.titleTemplate"]);

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments ({count}, {place}) and rich-text tags (<link>…</link>) a message uses. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(`{${el.value}}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`{${el.value}}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

const en = leaves(messagesFor("en") as unknown as Tree);
const es = leaves(messagesFor("es") as unknown as Tree);

describe("message catalogues", () => {
  it("have every namespace in both languages", () => {
    expect(NAMESPACES.length).toBeGreaterThan(5);
    for (const ns of NAMESPACES) {
      expect(messagesFor("es")[ns], ns).toBeTypeOf("object");
    }
  });

  it("have the same keys in English and Spanish", () => {
    const onlyEn = [...en.keys()].filter((k) => !es.has(k));
    const onlyEs = [...es.keys()].filter((k) => !en.has(k));
    expect({ onlyEn, onlyEs }).toEqual({ onlyEn: [], onlyEs: [] });
  });

  it("are valid ICU messages with the same arguments and tags in both languages", () => {
    const problems: string[] = [];
    for (const [key, english] of en) {
      const spanish = es.get(key);
      if (spanish === undefined) continue;
      try {
        const a = [...argumentsOf(parse(english))].sort();
        const b = [...argumentsOf(parse(spanish))].sort();
        if (a.join() !== b.join()) problems.push(`${key}: English uses ${a.join(" ") || "nothing"}, Spanish ${b.join(" ") || "nothing"}`);
      } catch (err) {
        problems.push(`${key}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("translate every message (no Spanish message is its English one, beyond names)", () => {
    const untranslated = [...en].filter(([key, english]) => english.trim() !== "" && es.get(key) === english && !SAME_IN_BOTH.has(key)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("leave no message empty", () => {
    const empty = [...en, ...es].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });
});
