import type { Donor, Route, Source } from "./slugs";
import { escapeRe } from "./text";

// Known products and programmes, keyed by the names and codes that appear in records — never by
// NCT id, so a new trial of a known product is recognised without anyone touching this file.
// A record's own statement always wins: product facts only fill what the record leaves unsaid
// (e.g. a record that says "rexlemestrocel-L injection" and nothing about its cells).
// Every entry says where its facts come from. Where the source is a ClinicalTrials.gov record,
// the text quoted is the sponsor's own description of the product in that record.

export type ProductKind = "cell" | "prp" | "acellular";

export type Product = {
  /** Names, codes and aliases as written in records; matched case-insensitively as whole words. */
  names: string[];
  kind: ProductKind;
  /** Plain description used in `why` explanations. */
  summary: string;
  source?: Source[];
  donor?: Donor;
  /** Where the product goes when the record does not say. */
  route?: Route;
  /** Apply `route` only when the conditions or titles match (one product, several programmes). */
  routeWhen?: RegExp;
  /** For a name two companies use: the entry applies only when a sponsor or collaborator matches. */
  sponsor?: RegExp;
  citation: string;
};

const DISC = /\b(?:disc|discogenic|intervertebral|low back|lumbar|back pain)\b/;

export const PRODUCTS: readonly Product[] = [
  // --- Disc and spine programmes -------------------------------------------------------------
  {
    names: ["rexlemestrocel-L", "rexlemestrocel", "MPC-06-ID", "Revascor", "MPC-150-IM", "MPC-300-IV"],
    kind: "cell",
    summary: "allogeneic bone-marrow mesenchymal precursor cells (Mesoblast)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "intradiscal",
    routeWhen: DISC,
    citation:
      "Mesoblast Ltd: rexlemestrocel-L is its STRO-3-immunoselected allogeneic mesenchymal precursor cell product (company announcements on MPC-06-ID for chronic low back pain); Mesoblast's ClinicalTrials.gov disc records describe 'immunoselected, culture-expanded, nucleated, allogeneic adult MPCs' injected into the nucleus pulposus.",
  },
  {
    names: ["NeoFuse"],
    kind: "cell",
    summary: "allogeneic bone-marrow mesenchymal precursor cells for spinal fusion (Mesoblast)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "surgical",
    citation: "Mesoblast Ltd: NeoFuse, its mesenchymal precursor cell product for spinal fusion (company announcements).",
  },
  {
    names: ["MSB-CAR001"],
    kind: "cell",
    summary: "allogeneic bone-marrow mesenchymal precursor cells for cartilage (Mesoblast)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    citation: "Mesoblast Ltd: MSB-CAR001, its allogeneic mesenchymal precursor cell product studied after anterior cruciate ligament reconstruction (company announcements; the trial record's keywords name mesenchymal precursor cells).",
  },
  {
    names: ["BRTX-100", "BRTX 100"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs in autologous platelet lysate (BioRestorative Therapies)",
    source: ["bone-marrow"],
    donor: "autologous",
    route: "intradiscal",
    citation:
      "BioRestorative Therapies' ClinicalTrials.gov record of its Phase 2 chronic lumbar disc disease study: 'Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate', given by intradiscal injection.",
  },
  {
    names: ["IDCT", "rebonuputemcel", "Injectable Discogenic Cell Therapy", "discogenic cells", "disc progenitor cells"],
    kind: "cell",
    summary: "allogeneic disc progenitor cells from donated disc tissue (DiscGenics)",
    source: ["disc-or-cartilage"],
    donor: "allogeneic",
    route: "intradiscal",
    citation: "DiscGenics, Inc.: IDCT (rebonuputemcel), an injectable allogeneic discogenic progenitor cell therapy for degenerative disc disease (company press releases).",
  },
  {
    names: ["NOVOCART Disc plus", "NDplus", "Autologous Disc Chondrocyte Transplantation"],
    kind: "cell",
    summary: "autologous disc chondrocytes (TETEC NOVOCART Disc plus)",
    source: ["disc-or-cartilage"],
    donor: "autologous",
    route: "intradiscal",
    citation: "TETEC AG's ClinicalTrials.gov record of NOVOCART Disc plus: 'Autologous Disc Chondrocyte Transplantation System (ADCT)' for nucleotomized and degenerative lumbar discs.",
  },
  {
    names: ["NuQu"],
    kind: "cell",
    summary: "allogeneic juvenile chondrocytes for the disc (ISTO Technologies)",
    source: ["disc-or-cartilage"],
    donor: "allogeneic",
    route: "intradiscal",
    citation: "ISTO Technologies: NuQu, juvenile chondrocytes in a fibrin carrier injected into the degenerating disc (company announcements of its Phase I/II programme).",
  },
  {
    names: ["Trinity Evolution", "Trinity Elite"],
    kind: "cell",
    summary: "cellular bone allograft with viable donor bone cells (Orthofix/MTF)",
    source: ["other-tissue"],
    donor: "allogeneic",
    route: "surgical",
    citation: "Orthofix / MTF Biologics product literature: Trinity Evolution and Trinity Elite are viable cellular bone allografts used in fusion.",
  },
  {
    names: ["Osteocel", "Osteocel Plus", "Osteocel Pro"],
    kind: "cell",
    summary: "cellular bone allograft with donor mesenchymal cells (NuVasive)",
    source: ["other-tissue"],
    donor: "allogeneic",
    route: "surgical",
    citation: "NuVasive product literature: Osteocel is an allograft cellular bone matrix retaining the donor's mesenchymal stem cells.",
  },
  {
    names: ["ViviGen"],
    kind: "cell",
    summary: "cellular bone allograft (LifeNet Health)",
    source: ["other-tissue"],
    donor: "allogeneic",
    route: "surgical",
    citation: "LifeNet Health / DePuy Synthes product literature: ViviGen cellular bone allograft with viable lineage-committed bone cells.",
  },
  {
    names: ["Map3"],
    kind: "cell",
    summary: "cellular allogeneic bone graft (RTI Surgical)",
    source: ["other-tissue"],
    donor: "allogeneic",
    route: "surgical",
    citation: "RTI Surgical product literature: map3 cellular allogeneic bone graft.",
  },
  {
    names: ["AlloStem"],
    kind: "cell",
    summary: "bone allograft seeded with donor adipose-derived MSCs (AlloSource)",
    source: ["adipose"],
    donor: "allogeneic",
    route: "surgical",
    citation: "AlloSource product literature: AlloStem combines partially demineralized allograft bone with allogeneic adipose-derived mesenchymal stem cells.",
  },
  // --- Joint and cartilage products -----------------------------------------------------------
  {
    names: ["JointStem", "RNL-JointStem"],
    kind: "cell",
    summary: "autologous adipose-derived MSCs for knee osteoarthritis (Nature Cell / R-Bio)",
    source: ["adipose"],
    donor: "autologous",
    route: "facet-or-joint",
    citation: "Nature Cell / R-Bio ClinicalTrials.gov records: 'JointStem, Autologous Adipose Tissue Derived Mesenchymal Stem Cells', given by intra-articular injection.",
  },
  {
    names: ["ReJoin"],
    kind: "cell",
    summary: "autologous adipose-derived mesenchymal progenitor cells (Cellular Biomedicine Group)",
    source: ["adipose"],
    donor: "autologous",
    route: "facet-or-joint",
    citation: "Cellular Biomedicine Group ClinicalTrials.gov record: 'ReJoin (Autologous Adipose-derived Mesenchymal Progenitor Cells)' knee injections.",
  },
  {
    names: ["AlloJoin"],
    kind: "cell",
    summary: "allogeneic adipose-derived mesenchymal progenitor cells (Cellular Biomedicine Group)",
    source: ["adipose"],
    donor: "allogeneic",
    route: "facet-or-joint",
    citation: "Cellular Biomedicine Group announcements: AlloJoin, off-the-shelf allogeneic adipose-derived progenitor cells for knee osteoarthritis.",
  },
  {
    names: ["CARTISTEM"],
    kind: "cell",
    summary: "allogeneic umbilical cord blood-derived MSCs implanted into cartilage defects (Medipost)",
    source: ["umbilical-cord"],
    donor: "allogeneic",
    route: "surgical",
    citation: "Medipost: CARTISTEM, approved in Korea (2012), allogeneic umbilical cord blood-derived MSCs applied to cartilage defects during surgery.",
  },
  {
    names: ["SMUP-IA-01", "SMUP-Cell"],
    kind: "cell",
    summary: "allogeneic umbilical cord blood-derived MSCs for knee injection (Medipost)",
    source: ["umbilical-cord"],
    donor: "allogeneic",
    route: "facet-or-joint",
    citation: "Medipost ClinicalTrials.gov records: 'SMUP allogenic cord blood-derived mesenchymal stem cell (SMUP-Cell)', single knee administration.",
  },
  {
    names: ["Chondrogen"],
    kind: "cell",
    summary: "allogeneic bone-marrow MSCs in hyaluronan for the knee (Osiris Therapeutics)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "facet-or-joint",
    // Another company sells umbilical-cord MSCs under the same name.
    sponsor: /\bosiris\b|\bmesoblast\b/i,
    citation: "Osiris Therapeutics: Chondrogen, ex vivo cultured adult mesenchymal stem cells from healthy donors' bone marrow in hyaluronan, injected into the knee after meniscectomy (company announcements; Osiris' ClinicalTrials.gov records).",
  },
  {
    names: ["Chondrochymal"],
    kind: "cell",
    summary: "allogeneic bone-marrow MSCs (Taiwan Bio Therapeutics)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "facet-or-joint",
    citation: "Taiwan Bio Therapeutics ClinicalTrials.gov record: Chondrochymal contains donor bone-marrow MSCs, injected into the knee.",
  },
  {
    names: ["MACI", "matrix-induced autologous chondrocyte implantation"],
    kind: "cell",
    summary: "autologous cultured chondrocytes on a collagen membrane (Vericel)",
    source: ["disc-or-cartilage"],
    donor: "autologous",
    route: "surgical",
    citation: "US FDA approval of MACI (Vericel, 2016): autologous cultured chondrocytes on porcine collagen membrane, implanted surgically.",
  },
  {
    names: ["ChondroCelect"],
    kind: "cell",
    summary: "autologous characterised chondrocytes (TiGenix)",
    source: ["disc-or-cartilage"],
    donor: "autologous",
    route: "surgical",
    citation: "EMA European Public Assessment Report, ChondroCelect (2009).",
  },
  {
    names: ["Spherox", "chondrosphere"],
    kind: "cell",
    summary: "autologous chondrocyte spheroids (CO.DON)",
    source: ["disc-or-cartilage"],
    donor: "autologous",
    route: "surgical",
    citation: "EMA European Public Assessment Report, Spherox (2017).",
  },
  {
    names: ["NOVOCART 3D", "NOVOCART Inject"],
    kind: "cell",
    summary: "autologous chondrocytes for cartilage defects (TETEC)",
    source: ["disc-or-cartilage"],
    donor: "autologous",
    citation: "TETEC AG product information: NOVOCART 3D and NOVOCART Inject are autologous chondrocyte products for articular cartilage defects.",
  },
  // --- Adipose and marrow point-of-care systems ----------------------------------------------
  {
    names: ["Lipogems"],
    kind: "cell",
    summary: "autologous micro-fragmented adipose tissue (Lipogems system)",
    source: ["adipose"],
    donor: "autologous",
    citation: "Lipogems International ClinicalTrials.gov record text: the system 'is designed to isolate autologous, micro-fragmented adipose tissue without enzymes'.",
  },
  {
    names: ["Celution", "Cytori"],
    kind: "cell",
    summary: "autologous adipose-derived regenerative cells (Cytori Celution system)",
    source: ["adipose"],
    donor: "autologous",
    citation: "Cytori Therapeutics: the Celution system isolates autologous adipose-derived regenerative cells (stromal vascular fraction) at the point of care.",
  },
  {
    names: ["GID SVF-2", "SVF-2"],
    kind: "cell",
    summary: "autologous stromal vascular fraction (GID BIO device)",
    source: ["adipose"],
    donor: "autologous",
    citation: "GID BIO: the SVF-2 device processes the patient's own lipoaspirate into stromal vascular fraction (company description of its knee osteoarthritis IDE study).",
  },
  {
    names: ["Transpose RT"],
    kind: "cell",
    summary: "autologous adipose-derived regenerative cells (InGeneron)",
    source: ["adipose"],
    donor: "autologous",
    citation: "InGeneron: Transpose RT system isolates autologous adipose-derived regenerative cells at the point of care (company description).",
  },
  {
    names: ["Regenexx-SD", "Regenexx SD"],
    kind: "cell",
    summary: "same-day autologous bone marrow concentrate (Regenexx)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Regenexx: Regenexx-SD is its same-day bone marrow concentrate procedure (company procedure description).",
  },
  {
    names: ["Regenexx-C"],
    kind: "cell",
    summary: "cultured autologous bone-marrow MSCs (Regenexx)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Regenexx: Regenexx-C was its culture-expanded bone-marrow stem cell procedure (company procedure description).",
  },
  {
    names: ["MarrowStim"],
    kind: "cell",
    summary: "autologous bone marrow concentrate kit (Biomet)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Zimmer Biomet product literature: MarrowStim concentration system prepares concentrated bone marrow aspirate at the point of care.",
  },
  {
    names: ["SmartPReP2 BMAC", "SmartPReP BMAC", "Harvest BMAC"],
    kind: "cell",
    summary: "autologous bone marrow aspirate concentrate kit (Harvest Technologies)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Harvest Technologies (Terumo BCT) product literature: SmartPReP2 BMAC system.",
  },
  {
    names: ["Marrow Cellution"],
    kind: "cell",
    summary: "autologous bone marrow aspirate collection system",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Aspire Medical Innovation / Ranfac product literature: Marrow Cellution bone marrow aspiration system.",
  },
  // --- Systemic and other cell products --------------------------------------------------------
  {
    names: ["remestemcel-L", "remestemcel", "Prochymal", "Ryoncil"],
    kind: "cell",
    summary: "allogeneic bone-marrow MSCs given by intravenous infusion (Osiris / Mesoblast)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "intravenous",
    citation: "US FDA approval of Ryoncil (remestemcel-L-rknd), December 2024: allogeneic bone marrow-derived MSCs for intravenous infusion.",
  },
  {
    names: ["TEMCELL"],
    kind: "cell",
    summary: "allogeneic bone-marrow MSCs (JCR Pharmaceuticals)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    route: "intravenous",
    citation: "JCR Pharmaceuticals: TEMCELL HS Inj., approved in Japan (2015) for acute GVHD, intravenous.",
  },
  {
    names: ["Stemirac"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs for spinal cord injury (Nipro)",
    source: ["bone-marrow"],
    donor: "autologous",
    route: "intravenous",
    citation: "Nipro: Stemirac, conditionally approved in Japan (2018) for spinal cord injury, intravenous infusion.",
  },
  {
    names: ["MultiStem", "invimestrocel"],
    kind: "cell",
    summary: "allogeneic bone-marrow multipotent adult progenitor cells (Athersys)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    citation: "Athersys: MultiStem (invimestrocel), allogeneic bone marrow-derived multipotent adult progenitor cells (company descriptions).",
  },
  {
    names: ["Lomecel-B"],
    kind: "cell",
    summary: "allogeneic bone-marrow MSCs (Longeveron)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    citation: "Longeveron: Lomecel-B, allogeneic medicinal signaling cells from young donors' bone marrow (company descriptions).",
  },
  {
    names: ["Stempeucel"],
    kind: "cell",
    summary: "pooled allogeneic bone-marrow MSCs (Stempeutics)",
    source: ["bone-marrow"],
    donor: "allogeneic",
    citation: "Stempeutics Research: Stempeucel, pooled allogeneic bone marrow-derived MSCs for critical limb ischaemia (company descriptions).",
  },
  {
    names: ["NurOwn", "MSC-NTF"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs secreting neurotrophic factors (BrainStorm)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "BrainStorm Cell Therapeutics: NurOwn (MSC-NTF cells), autologous bone marrow-derived MSCs (company descriptions).",
  },
  {
    names: ["Neuronata-R", "lenzumestrocel"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs (Corestem)",
    source: ["bone-marrow"],
    donor: "autologous",
    route: "intrathecal",
    citation: "Corestem: Neuronata-R (lenzumestrocel), approved in Korea (2014) for ALS, intrathecal.",
  },
  {
    names: ["Cellgram", "Hearticellgram", "Cellgram-AMI", "Cellgram-spine", "Cellgram-LC"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs (Pharmicell)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Pharmicell: Cellgram products are autologous bone marrow-derived MSCs (Hearticellgram-AMI approved in Korea, 2011).",
  },
  {
    names: ["ALLO-ASC", "ALLO-ASC-DFU", "ALLO-ASC-SHEET"],
    kind: "cell",
    summary: "allogeneic adipose-derived stem cells (Anterogen)",
    source: ["adipose"],
    donor: "allogeneic",
    citation: "Anterogen ClinicalTrials.gov records: 'allogenic adipose tissue-derived adult mesenchymal stem cells'.",
  },
  {
    names: ["Cupistem"],
    kind: "cell",
    summary: "autologous adipose-derived stem cells for fistula (Anterogen)",
    source: ["adipose"],
    donor: "autologous",
    route: "other",
    citation: "Anterogen: Cupistem, approved in Korea (2012) for Crohn's fistula, injected into the fistula.",
  },
  {
    names: ["darvadstrocel", "Alofisel", "Cx601"],
    kind: "cell",
    summary: "allogeneic expanded adipose stem cells injected into perianal fistulas (TiGenix / Takeda)",
    source: ["adipose"],
    donor: "allogeneic",
    route: "other",
    citation: "EMA European Public Assessment Report, Alofisel (darvadstrocel), 2018: intralesional injection into the fistula tract.",
  },
  {
    names: ["PLX-PAD"],
    kind: "cell",
    summary: "allogeneic placenta-derived stromal cells (Pluristem)",
    source: ["placenta-amnion"],
    donor: "allogeneic",
    route: "soft-tissue",
    citation: "Pluristem Therapeutics: PLX-PAD, placental expanded adherent stromal cells given by intramuscular injection (company descriptions).",
  },
  {
    names: ["XCEL-MT-OSTEO-ALPHA"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs fixed in allogeneic bone (Banc de Sang i Teixits)",
    source: ["bone-marrow"],
    donor: "autologous",
    route: "surgical",
    citation: "Banc de Sang i Teixits ClinicalTrials.gov records of XCEL-MT-OSTEO-ALPHA: ex vivo expanded autologous bone marrow MSCs fixed in allogeneic bone tissue, placed at surgery.",
  },
  {
    names: ["XCEL-UMC-BETA"],
    kind: "cell",
    summary: "allogeneic Wharton's jelly MSCs (Banc de Sang i Teixits)",
    source: ["umbilical-cord"],
    donor: "allogeneic",
    citation: "Banc de Sang i Teixits ClinicalTrials.gov record: 'WJ-MSC (XCEL-UMC-BETA)'.",
  },
  {
    names: ["HC-SVT-1001"],
    kind: "cell",
    summary: "autologous adipose MSCs on tricalcium phosphate (Histocell / Salvat)",
    source: ["adipose"],
    donor: "autologous",
    citation: "Salvat ClinicalTrials.gov record title: 'HC-SVT-1001 (Autologous Fat Stem Adult Mesenchymal Cells Expanded and Combined With a Tricalcium Phosphate Biomaterial)'.",
  },
  {
    names: ["HC-SVT-1002"],
    kind: "cell",
    summary: "allogeneic adipose MSCs on tricalcium phosphate (Histocell / Salvat)",
    source: ["adipose"],
    donor: "allogeneic",
    citation: "Salvat ClinicalTrials.gov record title: 'HC-SVT-1002 (Allogeneic Fat Stem Adult Mesenchymal Cells Expanded and Combined With a Tricalcium Phosphate Biomaterial)'.",
  },
  {
    names: ["MSV-H", "H-MSV"],
    kind: "cell",
    summary: "autologous bone-marrow MSCs (IBGM Valladolid)",
    source: ["bone-marrow"],
    donor: "autologous",
    citation: "Red de Terapia Celular ClinicalTrials.gov record: 'Autologous maxillary bone marrow mesenchymal stem cells (MSV-H)'.",
  },
  {
    names: ["tisagenlecleucel", "Kymriah", "axicabtagene ciloleucel", "Yescarta", "brexucabtagene autoleucel", "Tecartus", "lisocabtagene maraleucel", "Breyanzi", "idecabtagene vicleucel", "Abecma", "ciltacabtagene autoleucel", "Carvykti"],
    kind: "cell",
    summary: "autologous CAR T cells made from the patient's blood",
    source: ["peripheral-blood"],
    donor: "autologous",
    route: "intravenous",
    citation: "US FDA prescribing information for each approved CAR T product: autologous T cells collected by leukapheresis, given as an intravenous infusion.",
  },
  {
    names: ["FT500", "FT516", "FT538", "FT576", "FT596", "FT819"],
    kind: "cell",
    summary: "off-the-shelf NK or T cells derived from a clonal master induced pluripotent stem cell line (Fate Therapeutics)",
    source: ["pluripotent"],
    donor: "allogeneic",
    route: "intravenous",
    citation:
      "Fate Therapeutics: FT500 (iPSC-derived NK cells), FT516 (iPSC-derived NK cells with hnCD16), FT538 (iPSC-derived NK cells, CD38 knock-out, hnCD16, IL-15RF), FT576 (BCMA CAR iPSC-derived NK cells), FT596 (CD19 CAR iPSC-derived NK cells) and FT819 (CD19 CAR iPSC-derived T cells) are its off-the-shelf products made from a clonal master iPSC line (company pipeline and publications), given by intravenous infusion.",
  },
  {
    names: ["sipuleucel-T", "Provenge"],
    kind: "cell",
    summary: "autologous blood mononuclear cells (Dendreon)",
    source: ["peripheral-blood"],
    donor: "autologous",
    route: "intravenous",
    citation: "US FDA approval of Provenge (sipuleucel-T), 2010: autologous peripheral blood mononuclear cells, intravenous infusion.",
  },
  {
    names: ["omidubicel", "Omisirge"],
    kind: "cell",
    summary: "expanded allogeneic umbilical cord blood (Gamida Cell)",
    source: ["umbilical-cord"],
    donor: "allogeneic",
    route: "intravenous",
    citation: "US FDA approval of Omisirge (omidubicel), 2023: nicotinamide-modified allogeneic cord blood progenitor cells, intravenous.",
  },
  {
    names: ["donislecel", "Lantidra"],
    kind: "cell",
    summary: "allogeneic pancreatic islets infused into the portal vein (CellTrans)",
    source: ["other-tissue"],
    donor: "allogeneic",
    route: "other",
    citation: "US FDA approval of Lantidra (donislecel), 2023: deceased-donor pancreatic islets infused into the hepatic portal vein.",
  },
  {
    names: ["azficel-T", "LaViv"],
    kind: "cell",
    summary: "autologous fibroblasts injected into the skin",
    source: ["other-tissue"],
    donor: "autologous",
    route: "soft-tissue",
    citation: "US FDA approval of LaViv (azficel-T), 2011: autologous cultured fibroblasts, intradermal injection.",
  },
  {
    names: ["Holoclar"],
    kind: "cell",
    summary: "autologous limbal stem cells for the eye",
    source: ["other-tissue"],
    donor: "autologous",
    route: "other",
    citation: "EMA European Public Assessment Report, Holoclar (2015): autologous corneal epithelial cells containing limbal stem cells, implanted on the eye.",
  },
  {
    names: ["CAP-1002", "deramiocel"],
    kind: "cell",
    summary: "allogeneic cardiosphere-derived cells (Capricor)",
    source: ["other-tissue"],
    donor: "allogeneic",
    citation: "Capricor Therapeutics: CAP-1002 (deramiocel), allogeneic cardiosphere-derived cells from donor heart tissue (company descriptions).",
  },
  {
    names: ["AstroStem", "Astrostem-V"],
    kind: "cell",
    summary: "autologous adipose-derived MSCs given intravenously (Nature Cell)",
    source: ["adipose"],
    donor: "autologous",
    route: "intravenous",
    citation: "Nature Cell Co. (Biostar Stem Cell Research Institute): AstroStem, its autologous adipose tissue-derived mesenchymal stem cell product for Alzheimer's disease, given by repeated intravenous infusion (company announcements of its US Phase 1/2a and 2b IND studies).",
  },
  {
    names: ["HB-adMSC", "HB-adMSCs", "HBadMSC", "HBadMSCs"],
    kind: "cell",
    summary: "autologous adipose-derived MSCs given by intravenous infusion (Hope Biosciences)",
    source: ["adipose"],
    donor: "autologous",
    route: "intravenous",
    citation: "Hope Biosciences: HB-adMSCs, its autologous adipose-derived mesenchymal stem cell product, given by intravenous infusion in its FDA-authorised studies (company descriptions; its ClinicalTrials.gov records describe 'Hope Biosciences adipose derived autologous mesenchymal stem cell product').",
  },
  {
    names: ["ABCB5-positive", "ABCB5+", "allo-APZ2-CVU", "allo-APZ2-EB", "allo-APZ2-OTS"],
    kind: "cell",
    summary: "ABCB5-positive mesenchymal stromal cells isolated from human skin (RHEACELL)",
    source: ["other-tissue"],
    citation: "RHEACELL GmbH: its ABCB5+ mesenchymal stromal cells are isolated from human skin (dermis) and expanded; the allo-APZ2 products are the allogeneic ones (company descriptions and published Phase I/IIa results for chronic venous ulcers and epidermolysis bullosa).",
  },
  // --- Platelet products ------------------------------------------------------------------------
  {
    names: ["PRGF-Endoret", "Endoret", "PRGF"],
    kind: "prp",
    summary: "plasma rich in growth factors, a platelet-rich plasma (BTI)",
    citation: "BTI Biotechnology Institute: Endoret (PRGF), its plasma rich in growth factors technology.",
  },
  {
    names: ["Arthrex ACP", "Autologous Conditioned Plasma"],
    kind: "prp",
    summary: "autologous conditioned plasma, a leukocyte-poor PRP (Arthrex)",
    citation: "Arthrex product literature: ACP Double Syringe System prepares autologous conditioned plasma (PRP).",
  },
  {
    names: ["GPS III", "GPS II", "Gravitational Platelet Separation"],
    kind: "prp",
    summary: "platelet-rich plasma kit (Biomet GPS)",
    citation: "Zimmer Biomet product literature: GPS III platelet separation system.",
  },
  {
    names: ["RegenKit", "Regen ACR"],
    kind: "prp",
    summary: "platelet-rich plasma kit (RegenLab)",
    citation: "RegenLab product literature: RegenKit tubes for autologous platelet-rich plasma.",
  },
  // --- Acellular biologics ----------------------------------------------------------------------
  {
    names: ["Infuse Bone Graft", "AMPLIFY rhBMP-2", "dibotermin alfa"],
    kind: "acellular",
    summary: "rhBMP-2 on a collagen sponge (Medtronic Infuse)",
    citation: "US FDA premarket approval of INFUSE Bone Graft (Medtronic, 2002): recombinant human bone morphogenetic protein-2 on an absorbable collagen sponge.",
  },
  {
    names: ["OP-1", "eptotermin alfa", "Osigraft"],
    kind: "acellular",
    summary: "recombinant BMP-7 (Stryker OP-1)",
    citation: "EMA European Public Assessment Report, Osigraft (eptotermin alfa, 2001).",
  },
  {
    names: ["LDGraft"],
    kind: "acellular",
    summary: "low-dose rhBMP-2 graft (Locate Bio)",
    route: "surgical",
    citation: "Locate Bio ClinicalTrials.gov record: 'LDGraft 0.5mg/cc rhBMP-2 applied within intervertebral cage'.",
  },
  {
    names: ["Augment Bone Graft", "GEM 21S"],
    kind: "acellular",
    summary: "recombinant PDGF-BB with a beta-TCP carrier",
    route: "surgical",
    citation: "US FDA premarket approvals of GEM 21S (2005) and Augment Bone Graft (2015): rhPDGF-BB with beta-tricalcium phosphate.",
  },
  {
    names: ["CLARIX", "CLARIX 100", "CLARIX CORD", "CLARIX CORD 1K", "CLARIX FLO"],
    kind: "acellular",
    summary: "cryopreserved amniotic membrane / umbilical cord tissue (Amniox)",
    citation: "Amniox Medical ClinicalTrials.gov record: CLARIX 100 is 'processed and cryopreserved human amniotic membrane tissue', CLARIX CORD 1K 'cryopreserved human umbilical cord'.",
  },
  {
    names: ["AmnioFix", "EpiFix"],
    kind: "acellular",
    summary: "dehydrated human amnion/chorion membrane (MiMedx)",
    citation: "MiMedx product literature: AmnioFix and EpiFix are dehydrated human amnion/chorion membrane allografts.",
  },
  {
    names: ["ExoFlo"],
    kind: "acellular",
    summary: "bone-marrow MSC-derived extracellular vesicles (Direct Biologics)",
    citation: "Direct Biologics: ExoFlo, an extracellular vesicle product derived from bone marrow MSCs (company descriptions of its IND studies).",
  },
];

export type ProductHit = { product: Product; name: string };

// One alternation of every alias, longest first so "NOVOCART Disc plus" wins over shorter names.
const ALIASES: { alias: string; product: Product }[] = PRODUCTS.flatMap((product) =>
  product.names.map((alias) => ({ alias: alias.toLowerCase(), product })),
).sort((a, b) => b.alias.length - a.alias.length);
const BY_ALIAS = new Map<string, Product[]>();
for (const a of ALIASES) BY_ALIAS.set(a.alias, [...(BY_ALIAS.get(a.alias) ?? []), a.product]);
// When every alias begins with a word character, a match can only start at a word boundary: testing \b
// first skips the positions inside words before the look-behind and the long alternation are tried.
const WORD_START = ALIASES.every((a) => /^\w/.test(a.alias)) ? "\\b" : "";
const PRODUCT_RE = new RegExp(`${WORD_START}(?<![\\w-])(?:${ALIASES.map((a) => escapeRe(a.alias)).join("|")})(?![\\w-])`, "g");

/** Known products named in normalised text (`sponsor`: the study's sponsors, for names two companies use). */
export function findProducts(text: string, sponsor = ""): ProductHit[] {
  const hits: ProductHit[] = [];
  PRODUCT_RE.lastIndex = 0;
  for (let m = PRODUCT_RE.exec(text); m; m = PRODUCT_RE.exec(text)) {
    for (const product of BY_ALIAS.get(m[0]) ?? []) {
      if (product.sponsor && !product.sponsor.test(sponsor)) continue;
      if (!hits.some((h) => h.product === product)) hits.push({ product, name: m[0] });
    }
  }
  return hits;
}
