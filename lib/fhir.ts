/**
 * FHIR R4 (4.0.1) rules that need no database or HTTP: the OperationOutcome of an error, the
 * search-parameter grammar (prefixes, modifiers, comma lists, references), and how a name is
 * split. Imports nothing of the service but its error type.
 */
import { ApiError } from "./errors.ts";
import { type Cursor, decodeCursor } from "./cursor.ts";

/** The FHIR version served. */
export const FHIR_VERSION = "4.0.1";

/** The media type of every FHIR answer. */
export const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** The issue type (http://hl7.org/fhir/issue-type) of an error answered with `status`. */
const ISSUE_CODES: Record<number, string> = {
  400: "invalid",
  401: "login",
  403: "forbidden",
  404: "not-found",
  405: "not-supported",
  406: "not-supported",
  409: "conflict",
  410: "deleted",
  412: "conflict",
  413: "too-costly",
  415: "not-supported",
  429: "throttled",
  503: "transient",
};

/** An OperationOutcome for an error answer: the detail, then one issue per invalid field. */
export function operationOutcome(
  status: number,
  detail: string,
  fields: { field: string; message: string }[] = [],
) {
  const code = ISSUE_CODES[status] ?? "exception";
  return {
    resourceType: "OperationOutcome",
    issue: [
      { severity: "error", code, diagnostics: detail },
      ...fields.map((f) => ({
        severity: "error",
        code,
        diagnostics: `${f.field}: ${f.message}`,
        expression: [f.field],
      })),
    ],
  };
}

/** A name as FHIR's HumanName: always the text, `family`/`given` only where the split is safe. */
export function humanName(text: string): {
  text: string;
  family?: string;
  given?: string[];
  prefix?: string[];
} {
  const title = /^(dr\.?|prof\.?)\s+/i.exec(text);
  const rest = title ? text.slice(title[0].length) : text;
  const prefix = title ? { prefix: [title[1]] } : {};
  const word = /^\p{L}[\p{L}'’-]*$/u;
  // "Family, Given": one comma, one word on each side.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(rest);
  if (comma && word.test(comma[1].trim()) && word.test(comma[2].trim())) {
    return { text, family: comma[1].trim(), given: [comma[2].trim()], ...prefix };
  }
  // "Given Family": exactly two words. Anything longer is ambiguous and stays text.
  const parts = rest.split(/\s+/);
  if (parts.length === 2 && parts.every((p) => word.test(p))) {
    return { text, family: parts[1], given: [parts[0]], ...prefix };
  }
  return { text, ...prefix };
}

/** The kinds of search parameter this server understands. */
export type ParamType = "id" | "string" | "token" | "date" | "reference";

/** A string search: `name` (starts a word), `name:contains`, `name:exact`. */
export interface StringMatch {
  mode: "starts" | "contains" | "exact";
  value: string;
}

/** A date search value as a closed range of days, with the comparison asked for. */
export interface DateMatch {
  op: "eq" | "ne" | "gt" | "lt" | "ge" | "le";
  low: string;
  high: string;
}

/** A token: `code` or `system|code` (`system` undefined when not given). */
export interface TokenMatch {
  system?: string;
  code: string;
}

/**
 * One parameter's values: each repeat of the parameter is a list of alternatives (a comma
 * list); repeats are all required (AND), alternatives any (OR).
 */
export type Criteria = {
  id?: number[][];
  string?: StringMatch[][];
  token?: TokenMatch[][];
  date?: DateMatch[][];
  reference?: number[][];
};

/** A parsed search request. */
export interface Search {
  /** Values by parameter name (without its modifier). */
  params: Map<string, Criteria>;
  count: number;
  offset: number;
  /** `bounded` when `_total` is not given: exact up to COUNT_EXACT_UP_TO, else the estimate. */
  total: "none" | "estimate" | "accurate" | "bounded";
  /** `_cursor`: keyset paging by id (empty: from the first match), instead of `_offset`. */
  cursor?: Cursor;
  /** Parameters given that this server does not know: ignored, and reported. */
  unknown: string[];
  /** The parameters used, in a canonical order, for the Bundle's links. */
  used: [string, string][];
}

/** Default and most entries a search page holds. */
export const COUNT_DEFAULT = 20;
export const COUNT_MAX = 100;
/** Deepest a search may page (`_offset`): past this, 400 (narrow the search instead). */
export const OFFSET_MAX = 10_000;
/**
 * Deepest page counted exactly when `_total` is not given: past it, the planner's estimate
 * (FHIR lets the server choose), so paging deep does not count every match on every page.
 */
export const EXACT_TOTAL_OFFSET_MAX = 1_000;

/** Most parameters (repeats included) one search may carry. */
export const PARAMS_MAX = 32;
/** Most comma-separated alternatives one parameter may list. */
export const ALTERNATIVES_MAX = 50;
/** Longest value one parameter may carry, comma list included. */
export const VALUE_MAX = 2048;

/** The searches ordered by id, which page by `_cursor` too. */
export const KEYSET_SEARCHES: ReadonlySet<string> = new Set([
  "Patient",
  "Practitioner",
  "PractitionerRole",
  "CareTeam",
  "Organization",
  "Schedule",
]);

/** Parameters every search takes besides its resource's own. */
const CONTROL = new Set(["_count", "_offset", "_total", "_format", "_cursor"]);

function bad(name: string, message: string): ApiError {
  return new ApiError(400, `Invalid search parameter '${name}'`, [{ field: name, message }]);
}

/** Splits a comma list, honouring `\,` as a literal comma (FHIR's escaping). */
function alternatives(raw: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "\\" && i + 1 < raw.length && /[,|$\\]/.test(raw[i + 1])) {
      current += raw[++i];
    } else if (raw[i] === ",") {
      out.push(current);
      current = "";
    } else current += raw[i];
  }
  out.push(current);
  return out;
}

/** FHIR's date grammar: a time only after a full date, a real time of day, an optional zone. */
const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(?:([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?|24:00(?::00(?:\.0{1,9})?)?)(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?)?)?$/;

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `[prefix]YYYY[-MM[-DD]]` as the range of days it names; throws 400 when malformed. */
export function dateMatch(name: string, raw: string): DateMatch {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb)?(.*)$/.exec(raw)!;
  const op = (m[1] === "sa" ? "gt" : m[1] === "eb" ? "lt" : m[1] ?? "eq") as DateMatch["op"];
  const d = DATE.exec(m[2]);
  const message = "must be a date (YYYY, YYYY-MM or YYYY-MM-DD) with an optional prefix " +
    "eq, ne, gt, lt, ge, le, sa or eb";
  if (!d) throw bad(name, message);
  const year = Number(d[1]);
  const month = d[2] === undefined ? undefined : Number(d[2]);
  const day = d[3] === undefined ? undefined : Number(d[3]);
  if (year < 1 || (month !== undefined && (month < 1 || month > 12))) throw bad(name, message);
  if (day !== undefined && (day < 1 || day > lastDay(year, month!))) throw bad(name, message);
  const pad = (n: number) => String(n).padStart(2, "0");
  const y = d[1];
  if (month === undefined) return { op, low: `${y}-01-01`, high: `${y}-12-31` };
  if (day === undefined) {
    return { op, low: `${y}-${pad(month)}-01`, high: `${y}-${pad(month)}-${lastDay(year, month)}` };
  }
  return { op, low: `${y}-${pad(month)}-${pad(day)}`, high: `${y}-${pad(month)}-${pad(day)}` };
}

/** A row id named by a reference (`5`, `Patient/5`, `https://…/Patient/5`), else 0. */
export function referenceId(raw: string, type: string): number {
  const m = new RegExp(`^(?:(?:.*/)?${type}/)?(\\d{1,10})$`).exec(raw);
  const n = m ? Number(m[1]) : 0;
  return n <= 2_147_483_647 ? n : 0;
}

/** A `_cursor`: empty for the first page, else a position by id that a link carried. */
function cursorOf(name: string, raw: string): Cursor {
  if (raw === "") return { back: false };
  const cursor = decodeCursor(raw);
  if (!cursor || cursor.ordering !== "_id" || cursor.key[0] !== cursor.key[1]) {
    throw bad(name, "is not a cursor of this search; follow the next and previous links");
  }
  return cursor;
}

function intParam(name: string, raw: string, max: number): number {
  if (!/^\d{1,9}$/.test(raw)) throw bad(name, "must be a whole number of 0 or more");
  return Math.min(Number(raw), max);
}

/**
 * Parses a search's query string against the parameters a resource takes. Malformed values
 * throw 400; unknown parameters (and unsupported modifiers) are listed in `unknown`, or
 * throw 400 when `strict` (`Prefer: handling=strict`).
 */
export function parseSearch(
  query: URLSearchParams,
  known: Record<string, ParamType>,
  strict: boolean,
  keyset = false,
): Search {
  const search: Search = {
    params: new Map(),
    count: COUNT_DEFAULT,
    offset: 0,
    total: "bounded",
    unknown: [],
    used: [],
  };
  let given = 0;
  for (const [key, raw] of query) {
    // Bounded before anything is split or built: a search's cost must not grow with its URL.
    if (++given > PARAMS_MAX) {
      throw new ApiError(400, `A search takes at most ${PARAMS_MAX} parameters`, [
        { field: key, message: `is one parameter more than the ${PARAMS_MAX} allowed` },
      ]);
    }
    if (raw.length > VALUE_MAX) throw bad(key, `must be at most ${VALUE_MAX} characters long`);
    if (CONTROL.has(key) && (key !== "_cursor" || keyset)) {
      if (key === "_cursor") search.cursor = cursorOf(key, raw);
      if (key === "_count") search.count = intParam(key, raw, COUNT_MAX);
      if (key === "_offset") {
        search.offset = intParam(key, raw, Number.MAX_SAFE_INTEGER);
        if (search.offset > OFFSET_MAX) {
          throw bad(key, `must be at most ${OFFSET_MAX}; narrow the search to reach further`);
        }
      }
      if (key === "_total") {
        if (raw !== "none" && raw !== "estimate" && raw !== "accurate") {
          throw bad(key, "must be none, estimate or accurate");
        }
        search.total = raw;
        search.used.push([key, raw]);
      }
      continue;
    }
    const [name, modifier] = key.split(":", 2);
    const type = known[name];
    const modifierOk = modifier === undefined ||
      (type === "string" && (modifier === "contains" || modifier === "exact"));
    if (!type || !modifierOk) {
      if (strict) {
        throw new ApiError(400, `Unknown search parameter '${key}'`, [
          { field: key, message: "is not a search parameter of this resource" },
        ]);
      }
      search.unknown.push(key);
      continue;
    }
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
    if (raw.includes("\u0000")) throw bad(key, "must not contain NUL characters");
    const values = alternatives(raw);
    if (values.length > ALTERNATIVES_MAX) {
      throw bad(key, `must list at most ${ALTERNATIVES_MAX} comma-separated values`);
    }
    if (values.some((v) => v === "")) throw bad(key, "must not be empty");
    const criteria = search.params.get(name) ?? {};
    search.params.set(name, criteria);
    if (type === "id") {
      // An id that cannot be a row id names nothing (0 matches no row).
      (criteria.id ??= []).push(values.map((v) => referenceId(v, "-")));
    } else if (type === "reference") {
      (criteria.reference ??= []).push(values.map((v) => referenceId(v, referenceType(name))));
    } else if (type === "date") {
      (criteria.date ??= []).push(values.map((v) => dateMatch(key, v)));
    } else if (type === "token") {
      (criteria.token ??= []).push(values.map((v) => {
        const bar = v.indexOf("|");
        return bar < 0 ? { code: v } : { system: v.slice(0, bar), code: v.slice(bar + 1) };
      }));
    } else {
      const mode = modifier === "contains" ? "contains" : modifier === "exact" ? "exact" : "starts";
      (criteria.string ??= []).push(values.map((value) => ({ mode, value })));
    }
    search.used.push([key, raw]);
  }
  if (search.cursor && query.has("_offset")) {
    throw bad("_offset", "cannot be combined with _cursor, which carries its own position");
  }
  if (!query.has("_total") && search.offset > EXACT_TOTAL_OFFSET_MAX) search.total = "estimate";
  search.used.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return search;
}

/** The resource type a reference parameter points at. */
function referenceType(name: string): string {
  if (name === "patient" || name === "subject") return "Patient";
  if (name === "practitioner" || name === "actor") return "Practitioner";
  if (name === "schedule") return "Schedule";
  return "-";
}

/** Whether a `Prefer` header asks for strict handling of search parameters. */
export function preferStrict(prefer: string | undefined): boolean {
  return /(^|[,;\s])handling\s*=\s*strict\b/i.test(prefer ?? "");
}
