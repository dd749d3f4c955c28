import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status it was answered with; undefined when left hanging. */
  readonly status: number | undefined;
}

/** How the receiver answers the n-th request (0-based) on a path: a status, or no answer at all. */
export type Answer = (path: string, index: number) => number | 'hang';

/**
 * A real HTTP server on a free port that records every request and answers as scripted: the
 * receiving end of webhooks in specs, so retries, timeouts and order run through real sockets.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly hanging: Array<() => void> = [];
  private readonly waiters: Array<() => void> = [];
  private readonly server: Server;

  private constructor(private readonly answer: Answer) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const index = this.requests.filter((r) => r.path === path).length;
        const answer = this.answer(path, index);
        const status = answer === 'hang' ? undefined : answer;
        this.requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        if (status === undefined) this.hanging.push(() => response.destroy());
        else response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
  }

  static async start(answer: Answer = () => 200): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(answer);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `predicate` holds over the requests so far; fails the spec after `timeoutMs`. */
  async until(predicate: (requests: readonly ReceivedRequest[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      if (Date.now() > deadline) throw new Error(`webhook receiver: condition not met within ${timeoutMs} ms (${this.requests.length} requests)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async close(): Promise<void> {
    for (const drop of this.hanging.splice(0)) drop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
