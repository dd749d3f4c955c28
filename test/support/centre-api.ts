/** One answer of the centre's HTTP API, read whole: status, headers, body as text and as JSON. */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  readonly json: unknown;
}

export interface ApiCall {
  /** Sent as `Authorization: Bearer <token>`; absent: no Authorization header at all. */
  readonly token?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The centre's HTTP API as a user's client sees it: plain requests, nothing from inside the process. */
export class CentreApi {
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...call.headers };
    if (call.token !== undefined) headers['authorization'] = `Bearer ${call.token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  }

  get(path: string, call: ApiCall = {}): Promise<ApiAnswer> {
    return this.call('GET', path, call);
  }

  post(path: string, call: ApiCall = {}): Promise<ApiAnswer> {
    return this.call('POST', path, call);
  }

  delete(path: string, call: ApiCall = {}): Promise<ApiAnswer> {
    return this.call('DELETE', path, call);
  }

  /** The JSON of a 2xx answer; anything else throws with the answer, so a failing test shows what came back. */
  async json<T>(method: string, path: string, call: ApiCall = {}): Promise<T> {
    const answer = await this.call(method, path, call);
    if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
    return answer.json as T;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
