import { logger } from "../logger";
import { studiesPageSchema, versionSchema, type CtgovVersion } from "./schema";

/**
 * HTTP client for the ClinicalTrials.gov Data API v2. Every request has a timeout; network errors,
 * 5xx, 429 and truncated bodies are retried a bounded number of times with exponential backoff and
 * full jitter (429 honours Retry-After); a client-side limiter keeps us under the API's unofficial
 * ~50 requests/minute. Any other 4xx is a permanent error: retrying an unknown parameter cannot help.
 */

export type CtgovClientOptions = {
  baseUrl: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** requests per minute; the API does not publish its limit, ~50/min per IP is commonly reported */
  rateLimitPerMin?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** longest Retry-After we will wait; longer ones fail the request instead of stalling the run */
  maxRetryAfterMs?: number;
  userAgent?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export type StudiesPage = { studies: unknown[]; nextPageToken: string | null; totalCount: number | null };

export class CtgovError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryable = false,
  ) {
    super(message);
  }
}

export const USER_AGENT = "DiscTrialFinder/0.1 (+https://github.com/disc-trial-finder; clinical-trial search for degenerative disc disease)";

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class CtgovClient {
  private readonly opts: Required<Omit<CtgovClientOptions, "fetch" | "sleep">>;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private nextSlot = 0;
  requests = 0;
  retries = 0;

  constructor(options: CtgovClientOptions) {
    this.opts = {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 5,
      rateLimitPerMin: options.rateLimitPerMin ?? 40,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffMaxMs: options.backoffMaxMs ?? 60_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      userAgent: options.userAgent ?? USER_AGENT,
    };
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? abortableSleep;
  }

  async version(signal?: AbortSignal): Promise<CtgovVersion> {
    const body = await this.getJson(`${this.opts.baseUrl}/version`, signal);
    const parsed = versionSchema.safeParse(body);
    if (!parsed.success) throw new CtgovError("unexpected /version response shape");
    return parsed.data;
  }

  async studiesPage(params: URLSearchParams, pageToken: string | null, signal?: AbortSignal): Promise<StudiesPage> {
    const query = new URLSearchParams(params);
    if (pageToken) query.set("pageToken", pageToken);
    const body = await this.getJson(`${this.opts.baseUrl}/studies?${query.toString()}`, signal);
    const parsed = studiesPageSchema.safeParse(body);
    if (!parsed.success) throw new CtgovError("unexpected /studies response shape (no studies array)");
    return { studies: parsed.data.studies, nextPageToken: parsed.data.nextPageToken ?? null, totalCount: parsed.data.totalCount ?? null };
  }

  /**
   * Every page of a search. Later pages repeat the first page's parameters, as the API requires.
   * Stops on a page without nextPageToken, and on an empty page: the API can hand out a token after
   * an exactly full last page, and following it yields nothing.
   */
  async *pages(params: URLSearchParams, signal?: AbortSignal): AsyncGenerator<StudiesPage & { index: number }> {
    let token: string | null = null;
    for (let index = 0; ; index++) {
      const page = await this.studiesPage(params, token, signal);
      if (page.studies.length === 0) return;
      yield { ...page, index };
      if (!page.nextPageToken) return;
      token = page.nextPageToken;
    }
  }

  private async waitForSlot(signal?: AbortSignal) {
    const interval = 60_000 / this.opts.rateLimitPerMin;
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + interval;
    if (at > now) await this.sleep(at - now, signal);
  }

  private backoff(attempt: number) {
    const cap = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** attempt);
    return Math.round(Math.random() * cap);
  }

  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    let lastError: CtgovError | undefined;
    for (let attempt = 0; attempt <= this.opts.maxRetries; attempt++) {
      if (attempt > 0) this.retries++;
      await this.waitForSlot(signal);
      let delay: number | null = null;
      try {
        return await this.attempt(url, signal);
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        const error = err instanceof CtgovError ? err : new CtgovError(`network error: ${(err as Error).message}`, undefined, true);
        if (!error.retryable) throw error;
        lastError = error;
        delay = (error as CtgovError & { retryAfterMs?: number }).retryAfterMs ?? this.backoff(attempt);
        if (delay > this.opts.maxRetryAfterMs) throw new CtgovError(`${error.message}; Retry-After ${Math.round(delay / 1000)} s exceeds our limit`, error.status);
      }
      if (attempt < this.opts.maxRetries) {
        logger.warn({ url: redactUrl(url), attempt: attempt + 1, delayMs: delay, reason: lastError.message }, "ctgov request failed; retrying");
        await this.sleep(delay, signal);
      }
    }
    throw new CtgovError(`gave up after ${this.opts.maxRetries + 1} attempts: ${lastError?.message}`, lastError?.status);
  }

  private async attempt(url: string, signal?: AbortSignal): Promise<unknown> {
    this.requests++;
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { headers: { "user-agent": this.opts.userAgent, accept: "application/json" }, signal: combined });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted && !signal?.aborted) throw new CtgovError(`request timed out after ${this.opts.timeoutMs} ms`, undefined, true);
      throw err;
    }
    if (res.status === 429 || res.status >= 500) {
      const error = new CtgovError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`, res.status, true) as CtgovError & { retryAfterMs?: number };
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
      if (retryAfter !== null) error.retryAfterMs = retryAfter;
      throw error;
    }
    if (!res.ok) throw new CtgovError(`HTTP ${res.status}: ${text.slice(0, 300) || res.statusText}`, res.status, false);
    try {
      return JSON.parse(text);
    } catch {
      // A body cut off mid-transfer parses as nothing: ask again.
      throw new CtgovError(`truncated or malformed JSON body (${text.length} bytes)`, res.status, true);
    }
  }
}

function redactUrl(url: string) {
  return url.replace(/pageToken=[^&]+/, "pageToken=…");
}
