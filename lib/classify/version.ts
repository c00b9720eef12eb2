// Bump whenever a rule, vocabulary or product entry changes what classifyStudy returns: the next
// sync (or `npm run reclassify`) then recomputes every stored trial from its raw record.
// 2: rules refined after version 1 was first committed (type-aware arm links, nonunion and gland
// routes, follow-up titles, chondrons, "pay nothing"), so any database filled with 1 is redone.
// 3: issue 14, rules generalised on records nobody tuned for (harvest procedures imply source and
// donor, cord cells beside own marrow are mixed, fracture injections are intraosseous, opaque
// product names of any type are read from the record's sentences), so every stored trial is redone.
// 4: kinds from the first fresh label set (past-tense harvest sentences, arteries reached "through",
// cells applied at the end of a repair), so every stored trial is redone.
// 5: "i.v" without its last dot (after a full-width comma) is intravenous.
// 6: "via renal arterial … injection" is an arterial route.
// 7: kinds from the development labels, fresh-4 included (cells placed in a defect or at a one-stage
// operation, loaded on an allograft, or injected into bone during one; topical and transdermal
// application; a protocol's "will be differentiated" is not background; a tissue the cells go into,
// or a cell type made from the cells, is no source; "we expect …" sentences; participants' own
// leukapheresis is autologous; cells on a scaffold named first; "this … expanded access IND" sentences; a route weighed
// before "the investigators opt for" another is not given; cells used "during … fistula … creation").
// 8: kinds from fresh-5 (measured once with 7, then development) and the development labels: a drilled
// channel (core decompression, "forage") is intraosseous and surgical; "intralesional" / "into the lesion
// area" (spinal cord → other; elsewhere other only when nothing else is said); cells on a fistula plug or
// biomatrix, "in a single surgical time", "associated with a collagen scaffold" are surgical; a joint
// injury (not osteoarthritis) is a joint injection only when an injection is named; "were obtained from
// adipose tissue" description sentences; harvests and donated cells named in the eligibility criteria;
// synovial membrane is other-tissue; products AstroStem, HB-adMSC, ABCB5+ / allo-APZ2; a double-dummy
// name ("AstroStem and Donepezil Placebo") in an experimental arm is not a placebo; MSCs named beside
// another cell product ("stem cells or chondrocytes") whose tissue is never stated add `unspecified`.
// 9: kinds from the development labels (fresh-6 included): cells placed "following completion of all
// surgical procedures" / "during planned surgical procedures" and "surgical transplantation" are surgical;
// a sentence opening with this study's own purpose is not background for citing previous research; a
// nerve injection is a stated route outside the list (other), surgical when the titles name the operation
// the participants undergo ("After Microvascular Decompression"); "lip-suction" / "lipo-suction" is an
// adipose harvest; "mobilized CD34+ cells" are peripheral blood. Second slice, same number: a negator
// before an adjective ("may not be conducive for … the cells") does not deny the cells; "these two classes
// of cells" names the studied cells; dose arms ("TG-C Low Dose") name the product without the dose; cells
// placed in the spinal cord "by a … surgeon" are surgical; a placebo arm's route is the product's when
// the record states none (a sham's is not). Third slice: "(iv)" in a "(i) … (iii) …" list is not
// intravenous; each side of "versus" is its own clause; letters bracketed after the product's name
// ("Bone Marrow Concentrate (BMC)") name the product.
// 10: kinds from the development labels (fresh-7 included): engineered or isolated immune cells (CAR-T,
// TCR-T, STAR-T, NK, CIK, dendritic cells, donor lymphocytes, Tregs) no longer imply peripheral blood by
// their name; blood only when the record says it is collected (apheresis, mobilised or peripheral blood,
// "white blood cells … collected"), else unspecified; the participants' own apheresis (criteria with no
// donor) is autologous; the marrow of a blood stem cell transplant is not a source of the cells beside it.
// Therapy: a sentence naming two studied interventions does not give an opaque name the other's cells; a
// coded drug taken by mouth is never cells; in a head-to-head with no experimental arm, a technique the
// brief title names before "versus" is tested (other); when every arm gets the biologic, what differs
// between the arms is tested (other). Source and donor: an exclusion that guards the participants' harvest
// ("Contraindications for both bone marrow harvesting …") names the tissue; "from the same bone marrow
// donor" (four words between "from" and "donor") is allogeneic. A growth factor or secretome that an
// intervention's own name gives beside the cells ("… with BMP2 within a … scaffold", "… Stem Cell and
// Adipose Secretome Implantation") is no carrier: acellular-biologic as well.
// Still 10 (not released): a recombinant growth, morphogenetic or osteoinductive factor ("rhNELL-1/DBX",
// "recombinant human platelet-derived growth factor") is acellular-biologic, decided by the factor and not
// the "rh" prefix (recombinant hormones, cytokines, antibodies, vaccines stay other); a three-character
// coded name with a digit ("NB1 Bone Graft") names the product in the titles for its route.
// Also 10: cells "derived / differentiated / generated from" embryonic or induced pluripotent stem cells, in
// any own-treatment sentence of the descriptions, are pluripotent; an embryonic line is allogeneic, an induced
// one only by the record's own words (autologous, donor, off-the-shelf), else no donor.
// 11: kinds left on the development labels once fresh-8 and fresh-9 were development: a drug the titles or
// summary say the biologic is combined with ("FT538 in Combination With Daratumumab", "in combination with PD-1
// blockade"), listed only in the biologic's experimental arms and not conditioning or support, is tested too
// (other); an eligibility criterion that the participants' blood can be collected ("blood collection standards …
// no other cell collection contraindications") gives immune cells peripheral blood, the participants' own.
export const CLASSIFIER_VERSION = 11;
