import type { AlertEvent } from '@hydro/domain';

/** One Server-Sent Event of `/api/alerts/stream`: its id is the transition's position in the alert log. */
export interface StreamedAlert {
  readonly id: number;
  readonly type: string;
  readonly event: AlertEvent;
}

export interface AlertStreamOptions {
  readonly token: string;
  /** Sent as `Last-Event-ID`: resume after this event. */
  readonly lastEventId?: number;
  /** Query string without `?`, e.g. `audience=equipment`. */
  readonly query?: string;
}

/**
 * A client of the alert stream, as a duty screen would hold one open: reads the text/event-stream
 * over fetch and keeps every event. Resolves `open` once the centre has answered 200.
 */
export class AlertEventStream {
  readonly received: StreamedAlert[] = [];
  private finished = false;
  private failure: string | undefined;

  private constructor(private readonly abort: AbortController) {}

  static async open(baseUrl: string, options: AlertStreamOptions): Promise<AlertEventStream> {
    const abort = new AbortController();
    const stream = new AlertEventStream(abort);
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
    if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
    const response = await fetch(`${baseUrl}/api/alerts/stream${options.query === undefined ? '' : `?${options.query}`}`, { headers, signal: abort.signal });
    if (response.status !== 200 || response.body === null) {
      abort.abort();
      throw new Error(`the alert stream answered ${response.status}: ${await response.text().catch(() => '')}`);
    }
    void stream.read(response.body);
    return stream;
  }

  /** True once the centre closed the stream or the connection broke. */
  get ended(): boolean {
    return this.finished;
  }

  /** Why the stream ended, when it was not closed by us. */
  get error(): string | undefined {
    return this.failure;
  }

  get lastId(): number | undefined {
    return this.received[this.received.length - 1]?.id;
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: RegExpExecArray | null;
        while ((end = /\r?\n\r?\n/.exec(buffer)) !== null) {
          this.take(buffer.slice(0, end.index));
          buffer = buffer.slice(end.index + end[0].length);
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.failure = (error as Error).message;
    } finally {
      this.finished = true;
    }
  }

  /** One event block: `id:`, `event:` and `data:` lines; comments and events without data are skipped. */
  private take(block: string): void {
    let id: string | undefined;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    this.received.push({ id: Number(id), type, event: JSON.parse(data.join('\n')) as AlertEvent });
  }
}
