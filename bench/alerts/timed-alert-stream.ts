import type { AlertEvent } from '@hydro/domain';

/** One alert transition as a duty screen received it, with the moment it arrived. */
export interface ReceivedAlert {
  readonly event: AlertEvent;
  /** performance.now() in this process when the event's block was complete. */
  readonly receivedAt: number;
}

/**
 * A client of `/api/alerts/stream` over fetch, like a duty screen, that timestamps each event as its
 * block completes and hands it to `onEvent` at once, so that waiting in an array adds nothing.
 */
export class TimedAlertStream {
  private constructor(private readonly abort: AbortController) {}

  static async open(baseUrl: string, token: string, onEvent: (alert: ReceivedAlert) => void): Promise<TimedAlertStream> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/alerts/stream?audience=flood`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (response.status !== 200 || response.body === null) {
      abort.abort();
      throw new Error(`the alert stream answered ${response.status}`);
    }
    void read(response.body, onEvent, abort.signal);
    return new TimedAlertStream(abort);
  }

  close(): void {
    this.abort.abort();
  }
}

async function read(body: ReadableStream<Uint8Array>, onEvent: (alert: ReceivedAlert) => void, signal: AbortSignal): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      const receivedAt = performance.now();
      buffer += decoder.decode(chunk, { stream: true });
      let end: RegExpExecArray | null;
      while ((end = /\r?\n\r?\n/.exec(buffer)) !== null) {
        const data = dataOf(buffer.slice(0, end.index));
        buffer = buffer.slice(end.index + end[0].length);
        if (data !== undefined) onEvent({ event: JSON.parse(data) as AlertEvent, receivedAt });
      }
    }
  } catch (error) {
    if (!signal.aborted) console.error(`the alert stream broke: ${(error as Error).message}`);
  }
}

/** The joined `data:` lines of one event block; undefined for a comment or keep-alive. */
function dataOf(block: string): string | undefined {
  const data = block
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''));
  return data.length === 0 ? undefined : data.join('\n');
}
