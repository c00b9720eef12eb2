import { describe, expect, it } from "vitest";
import { findProducts, PRODUCTS } from "./products";
import { norm } from "./text";

describe("PRODUCTS", () => {
  it("keys every entry by names and codes, never by NCT id, and cites its source", () => {
    for (const p of PRODUCTS) {
      expect(p.names.length, p.summary).toBeGreaterThan(0);
      for (const n of p.names) expect(n, p.summary).not.toMatch(/NCT\d{8}/i);
      expect(p.citation.length, p.summary).toBeGreaterThan(30);
      expect(p.citation, p.summary).not.toMatch(/NCT\d{8}/);
    }
  });

  it("gives cell products a source and only cell products a donor", () => {
    for (const p of PRODUCTS) {
      if (p.kind === "cell") expect(p.source?.length, p.summary).toBeGreaterThan(0);
      else {
        expect(p.source, p.summary).toBeUndefined();
        expect(p.donor, p.summary).toBeUndefined();
      }
    }
  });

  it("has no alias shared by two products unless a sponsor tells them apart", () => {
    const seen = new Map<string, number>();
    for (const p of PRODUCTS) for (const n of p.names) if (!p.sponsor) seen.set(n.toLowerCase(), (seen.get(n.toLowerCase()) ?? 0) + 1);
    expect([...seen].filter(([, c]) => c > 1)).toEqual([]);
  });
});

describe("findProducts", () => {
  it("finds products by name and code in record text", () => {
    // NCT02412735, NCT04042844, NCT01640457
    expect(findProducts(norm("Participants received rexlemestrocel-L 2.0 mL injection")).map((h) => h.product.summary)).toEqual(["allogeneic bone-marrow mesenchymal precursor cells (Mesoblast)"]);
    expect(findProducts(norm("A Single Dose of BRTX 100 for Patients With Chronic Lumbar Disc Disease")).map((h) => h.name)).toEqual(["brtx 100"]);
    expect(findProducts(norm("NOVOCART® Disc plus (Autologous Disc Chondrocyte Transplantation System)"))).toHaveLength(1);
  });

  it("matches whole names only, not words that contain them or verbs that look like them", () => {
    // NCT00813267: "The investigators will infuse expanded autologous MSCs"
    expect(findProducts(norm("The investigators will infuse expanded autologous MSCs and BMMNCs"))).toEqual([]);
    expect(findProducts(norm("A MACIntosh laryngoscope"))).toEqual([]);
  });

  it("uses the sponsor to tell apart two products with one name", () => {
    // Osiris' Chondrogen (bone-marrow MSCs) vs another company's umbilical-cord product of the same name
    expect(findProducts("chondrogen", "Osiris Therapeutics").map((h) => h.product.source)).toEqual([["bone-marrow"]]);
    expect(findProducts("chondrogen", "Meluha Life Sciences SDN BHD")).toEqual([]);
  });
});
