import type { Source } from "./schema";

// Sources the explainer pages name, kept in one place so a link is fixed once for every page.
// Journal articles link by DOI. Where we could not pin down the exact paper, the link is an honest
// search (PubMed or ClinicalTrials.gov) and the note says so.

export const FDA_REGEN_CONSUMER: Source = {
  name: "U.S. Food and Drug Administration (FDA): Important Patient and Consumer Information About Regenerative Medicine Therapies",
  url: "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/important-patient-and-consumer-information-about-regenerative-medicine-therapies",
};

export const FDA_WARNS: Source = {
  name: "FDA: FDA Warns About Stem Cell Therapies (consumer update)",
  url: "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies",
};

export const FDA_APPROVED_PRODUCTS: Source = {
  name: "FDA: Approved Cellular and Gene Therapy Products",
  url: "https://www.fda.gov/vaccines-blood-biologics/cellular-gene-therapy-products/approved-cellular-and-gene-therapy-products",
};

export const FDA_CLINICAL_RESEARCH: Source = {
  name: "FDA: The Drug Development Process, Step 3: Clinical Research",
  url: "https://www.fda.gov/patients/drug-development-process/step-3-clinical-research",
};

export const ISSCR_PATIENTS: Source = {
  name: "International Society for Stem Cell Research (ISSCR): A Closer Look at Stem Cells (patient resources)",
  url: "https://www.closerlookatstemcells.org/",
};

export const ISSCR_GUIDELINES: Source = {
  name: "ISSCR: Guidelines for Stem Cell Research and Clinical Translation",
  url: "https://www.isscr.org/guidelines",
};

export const AAOS_ORTHOINFO: Source = {
  name: "American Academy of Orthopaedic Surgeons (AAOS): OrthoInfo",
  url: "https://orthoinfo.aaos.org/",
};

export const NASS: Source = {
  name: "North American Spine Society (NASS)",
  url: "https://www.spine.org/",
};

export const CTGOV: Source = {
  name: "ClinicalTrials.gov (U.S. National Library of Medicine)",
  url: "https://clinicaltrials.gov/",
};

export const CTGOV_LEARN: Source = {
  name: "ClinicalTrials.gov: Learn About Clinical Studies",
  url: "https://clinicaltrials.gov/study-basics/learn-about-studies",
};

export const CTGOV_GLOSSARY: Source = {
  name: "ClinicalTrials.gov: Glossary of Common Site Terms",
  url: "https://clinicaltrials.gov/study-basics/glossary",
};

export const NIH_TRIALS_BASICS: Source = {
  name: "National Institutes of Health (NIH): NIH Clinical Research Trials and You, The Basics",
  url: "https://www.nih.gov/health-information/nih-clinical-research-trials-you/basics",
};

export const NIH_HEAL: Source = {
  name: "NIH HEAL Initiative (Helping to End Addiction Long-term)",
  url: "https://heal.nih.gov/",
};

export const MAYO_STEM_CELLS: Source = {
  name: "Mayo Clinic: Stem cells: What they are and what they do",
  url: "https://www.mayoclinic.org/tests-procedures/bone-marrow-transplant/in-depth/stem-cells/art-20048117",
};

export const MAYO_BACK_PAIN_STUDIES: Source = {
  name: "ClinicalTrials.gov search: Mayo Clinic studies of mesenchymal stem cells for low back pain",
  url: "https://clinicaltrials.gov/search?cond=Low%20Back%20Pain&term=Mayo%20Clinic%20mesenchymal",
  note: "A search, not a single study: it lists the Mayo Clinic studies of MSCs for low back pain.",
};

export const AMBROSIO_2024: Source = {
  name: "Ambrosio L, et al. Why clinical trials in disc regeneration strive to achieve completion: insights from publication status and funding sources. JOR Spine, 2024",
  url: "https://doi.org/10.1002/jsp2.1329",
};

export const TURNER_2017: Source = {
  name: "Turner L. ClinicalTrials.gov, stem cells and 'pay-to-participate' clinical studies. Regenerative Medicine, 2017",
  url: "https://doi.org/10.2217/rme-2017-0015",
};

export const REVIEW_2022_SEARCH: Source = {
  name: "PubMed search: 2022 reviews of stem cell injections for low back pain",
  url: "https://pubmed.ncbi.nlm.nih.gov/?term=stem+cell+injection+low+back+pain+review&filter=years.2022-2022",
  note: "The 40.7% and 30% figures are as reported for a 2022 review; we have not matched them to one paper, so treat them as rough.",
};

export const CORD_MSC_SEARCH: Source = {
  name: "PubMed search: umbilical cord mesenchymal stem cells for discogenic low back pain",
  url: "https://pubmed.ncbi.nlm.nih.gov/?term=umbilical+cord+mesenchymal+stem+cells+discogenic+low+back+pain",
};

export const DISCGENICS_TRIALS: Source = {
  name: "ClinicalTrials.gov search: DiscGenics disc progenitor cell trials",
  url: "https://clinicaltrials.gov/search?term=DiscGenics",
};

export const trialRecord = (nctId: string, what: string): Source => ({
  name: `ClinicalTrials.gov record ${nctId}: ${what}`,
  url: `https://clinicaltrials.gov/study/${nctId}`,
});
