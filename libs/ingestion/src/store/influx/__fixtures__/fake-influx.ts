import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted HTTP server standing in for InfluxDB in unit specs: it records every request and answers
 * as `script` says, to produce the answers of 2.x/3.x and the failures a real 1.6 does not give on demand.
 * Queries arrive as forms; `params` holds the form (or the URL parameters of a write).
 */

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly params: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}
export interface Answer {
  readonly status: number;
  readonly json?: unknown;
}
export type Script = (request: Seen) => Answer | 'hang';

export class FakeInflux {
  readonly seen: Seen[] = [];
  connections = 0;
  script: Script = () => ({ status: 204 });
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : url.searchParams;
        const seen = { method: req.method ?? '', path: url.pathname, params: form, headers: req.headers, body };
        this.seen.push(seen);
        const answer = this.script(seen);
        if (answer === 'hang') return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
      });
    });
    this.server.on('connection', () => (this.connections += 1));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
