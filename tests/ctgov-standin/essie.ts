import { DATE_FIELDS, fieldsOf, tokenize } from "./fields";

/**
 * A subset of Essie, the ClinicalTrials.gov search expression language, enough for the params the
 * sync and the tests use:
 *   - terms (`pain`), quoted phrases (`"low back pain"`, `\"` escapes a quote inside), a word with
 *     punctuation such as `low-back` is a phrase of its words;
 *   - `OR`, `AND`, `NOT` (upper case only, as in Essie; lower-case `or` is a search term), parentheses,
 *     and implicit AND between neighbours (`back pain` = `back AND pain`);
 *   - precedence as Essie documents it: terms and source operators, then NOT and context
 *     operators, then AND, then OR;
 *   - context operator `AREA[Name]` with a search area (`ConditionSearch`) or a field piece name
 *     (`Condition`, `Phase`, `LastUpdatePostDate`);
 *   - source operators `RANGE[a,b]` on date fields (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `MIN`, `MAX`)
 *     and `MISSING`.
 * Matching is case- and accent-insensitive over whole words with plural folding (fields.ts `stem`);
 * Essie also expands synonyms and lexical variants (UMLS), which the stand-in does not, so it
 * finds a subset of what the real API finds. Unsupported operators (EXPANSION, COVERAGE, SEARCH,
 * ALL, wildcards...) are syntax errors here rather than silently ignored.
 */

export type EssieNode =
  | { kind: "term"; needle: string; text: string }
  | { kind: "and" | "or"; items: EssieNode[] }
  | { kind: "not"; item: EssieNode }
  | { kind: "area"; area: string; item: EssieNode }
  | { kind: "range"; min: string; max: string }
  | { kind: "missing" };

export class EssieSyntaxError extends Error {}

type Token =
  | { t: "word" | "phrase"; v: string }
  | { t: "(" | ")" | "AND" | "OR" | "NOT" | "MISSING" }
  | { t: "AREA" | "RANGE"; v: string };

const UNSUPPORTED = /^(EXPANSION|COVERAGE|SEARCH|ALL|TILDE|DIST)\[/;

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")") {
      out.push({ t: c });
      i++;
    }
    else if (c === '"') {
      let v = "";
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === "\\" && input[i + 1] === '"') i++;
        v += input[i++];
      }
      if (i >= input.length) throw new EssieSyntaxError("unterminated quoted phrase");
      i++;
      out.push({ t: "phrase", v });
    } else {
      const rest = input.slice(i);
      const op = /^(AREA|RANGE)\[([^\]]*)\]/.exec(rest);
      if (op) {
        out.push({ t: op[1] as "AREA" | "RANGE", v: op[2]!.trim() });
        i += op[0].length;
        continue;
      }
      if (UNSUPPORTED.test(rest)) throw new EssieSyntaxError(`operator ${rest.split("[")[0]} is not supported by the stand-in`);
      let v = "";
      while (i < input.length && !/[\s()"]/.test(input[i]!)) {
        if (input[i] === "\\" && i + 1 < input.length) i++;
        v += input[i++];
      }
      if (v === "AND" || v === "OR" || v === "NOT" || v === "MISSING") out.push({ t: v });
      else out.push({ t: "word", v });
    }
  }
  return out;
}

function termNode(text: string): EssieNode {
  if (text.includes("*") || text.includes("?")) throw new EssieSyntaxError(`wildcards are not supported by the stand-in: ${text}`);
  const words = tokenize(text);
  if (!words.length) throw new EssieSyntaxError(`search term has no words: ${JSON.stringify(text)}`);
  return { kind: "term", needle: ` ${words.join(" ")} `, text };
}

const DATE_RE = /^(MIN|MAX|\d{4}(-\d{2}(-\d{2})?)?)$/;

export function parseEssie(input: string): EssieNode {
  const tokens = lex(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const startsOperand = (tok: Token | undefined) => !!tok && tok.t !== ")" && tok.t !== "AND" && tok.t !== "OR";

  function orExpr(): EssieNode {
    const items = [andExpr()];
    while (peek()?.t === "OR") {
      pos++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  }
  function andExpr(): EssieNode {
    const items = [unary()];
    for (;;) {
      if (peek()?.t === "AND") {
        pos++;
        items.push(unary());
      } else if (startsOperand(peek())) items.push(unary());
      else break;
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  }
  function unary(): EssieNode {
    const tok = tokens[pos++];
    if (!tok) throw new EssieSyntaxError("expression ends where a search term was expected");
    switch (tok.t) {
      case "NOT":
        return { kind: "not", item: unary() };
      case "AREA": {
        if (!fieldsOf(tok.v)) throw new EssieSyntaxError(`unknown search area or field: ${tok.v}`);
        return { kind: "area", area: tok.v, item: unary() };
      }
      case "(": {
        const inner = orExpr();
        if (tokens[pos++]?.t !== ")") throw new EssieSyntaxError("missing closing parenthesis");
        return inner;
      }
      case "RANGE": {
        const parts = tok.v.split(",").map((s) => s.trim().toUpperCase());
        if (parts.length !== 2 || !parts.every((d) => DATE_RE.test(d))) throw new EssieSyntaxError(`RANGE[${tok.v}] needs two dates (YYYY-MM-DD, MIN or MAX)`);
        return { kind: "range", min: parts[0]!, max: parts[1]! };
      }
      case "MISSING":
        return { kind: "missing" };
      case "word":
      case "phrase":
        return termNode(tok.v);
      default:
        throw new EssieSyntaxError(`unexpected ${tok.t}`);
    }
  }

  if (!tokens.length) throw new EssieSyntaxError("empty search expression");
  const tree = orExpr();
  if (pos < tokens.length) throw new EssieSyntaxError(`unexpected ${tokens[pos]!.t === "word" ? "word" : tokens[pos]!.t} at token ${pos + 1}`);
  checkSources(tree, null);
  return tree;
}

/** RANGE and MISSING need an enclosing AREA naming a field they apply to. */
function checkSources(node: EssieNode, area: string | null): void {
  if (node.kind === "range" && !(area && DATE_FIELDS[area])) throw new EssieSyntaxError("RANGE is supported on date fields only, e.g. AREA[LastUpdatePostDate]RANGE[2024-01-15,MAX]");
  if (node.kind === "missing" && !(area && fieldsOf(area)?.length === 1)) throw new EssieSyntaxError("MISSING needs AREA[<field>] before it");
  if (node.kind === "and" || node.kind === "or") node.items.forEach((n) => checkSources(n, area));
  if (node.kind === "not") checkSources(node.item, area);
  if (node.kind === "area") checkSources(node.item, node.area);
}

/** What the matcher needs from a study: word search per area, dates and presence per field. */
export type Searchable = {
  /** Does `needle` (" w1 w2 ") occur in one value of a field of `area`? */
  has(area: string, needle: string): boolean;
  date(field: string): string | undefined;
  missing(field: string): boolean;
};

/** Partial dates cover a span: "2024-05" is 2024-05-01..2024-05-31; a range matches when the spans overlap. */
function span(d: string): [string, string] {
  if (d.length === 4) return [`${d}-01-01`, `${d}-12-31`];
  if (d.length === 7) return [`${d}-01`, `${d}-31`];
  return [d, d];
}

function inRange(value: string | undefined, min: string, max: string): boolean {
  if (!value || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return false;
  const [from, to] = span(value);
  return (min === "MIN" || to >= span(min)[0]) && (max === "MAX" || from <= span(max)[1]);
}

export function matches(node: EssieNode, doc: Searchable, area: string): boolean {
  switch (node.kind) {
    case "term":
      return doc.has(area, node.needle);
    case "and":
      return node.items.every((n) => matches(n, doc, area));
    case "or":
      return node.items.some((n) => matches(n, doc, area));
    case "not":
      return !matches(node.item, doc, area);
    case "area":
      return matches(node.item, doc, node.area);
    case "range":
      return inRange(doc.date(area), node.min, node.max);
    case "missing":
      return doc.missing(area);
  }
}

/** Every distinct needle in a tree (the synthetic set pre-computes them per template). */
export function needles(node: EssieNode, area: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (node.kind === "term") out.push([area, node.needle]);
  else if (node.kind === "and" || node.kind === "or") node.items.forEach((n) => needles(n, area, out));
  else if (node.kind === "not") needles(node.item, area, out);
  else if (node.kind === "area") needles(node.item, node.area, out);
  return out;
}
