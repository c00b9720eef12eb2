import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildAtom, stableUuid, type FeedRow } from "./atom";

const row = (over: Partial<FeedRow> = {}): FeedRow => ({
  changeId: 7,
  nctId: "NCT00000001",
  seenAt: new Date("2026-11-12T10:00:00Z"),
  title: "A trial",
  fields: [{ field: "status", from: "Not yet recruiting", to: "Recruiting" }],
  ...over,
});
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "entry" || n === "link" }).parse(xml);

describe("buildAtom", () => {
  it("writes well-formed Atom 1.0 with the required elements", () => {
    const xml = buildAtom({ canonical: "status=any", origin: "https://finder.example", rows: [row(), row({ changeId: 5, nctId: "NCT00000002", seenAt: new Date("2026-11-01T00:00:00Z") })] });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(feed.updated).toBe("2026-11-12T10:00:00.000Z");
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { "@rel": "alternate", "@href": "https://finder.example/trials?status=any" },
        { "@rel": "self", "@href": "https://finder.example/api/trials.atom?status=any" },
      ]),
    );
    expect(feed.entry).toHaveLength(2);
    const [first] = feed.entry;
    expect(first.id).toBe(stableUuid("change:7"));
    expect(first.link[0]["@href"]).toBe("https://finder.example/trials/NCT00000001");
    expect(first.updated).toBe("2026-11-12T10:00:00.000Z");
    expect(first.summary["#text"]).toBe("Now recruiting");
  });

  it("shows record text as text: markup is escaped, CDATA cannot be closed early, control characters go", () => {
    const xml = buildAtom({ canonical: "q=%3Cb%3E", origin: "https://finder.example", rows: [row({ title: "Cells <script>alert(1)</script> ]]> & more\u0007" })] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<script>");
    const title = parse(xml).feed.entry[0].title["#text"];
    expect(title).toBe("Cells &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; more");
  });

  it("gives a search the same feed id every time, and another search another", () => {
    const a = parse(buildAtom({ canonical: "phase=phase-2", origin: "https://x.example", rows: [] })).feed;
    const b = parse(buildAtom({ canonical: "phase=phase-2", origin: "https://x.example", rows: [row()] })).feed;
    const c = parse(buildAtom({ canonical: "phase=phase-3", origin: "https://x.example", rows: [] })).feed;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.updated).toBe("1970-01-01T00:00:00.000Z"); // an empty feed keeps one date, so its ETag holds
  });
});
