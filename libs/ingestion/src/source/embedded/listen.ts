import type { Server } from 'node:net';

/** `host:port` as it goes in a URL: an IPv6 address in brackets. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * Starts `server` listening on host:port. Resolves with the bound port (port 0 picks a free
 * one); rejects with an error that names the address and the setting to change.
 */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new Error(`embedded MQTT broker cannot listen on ${hostPort(host, port)}: ${why(error)} (${hint(error)})`, { cause: error }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'no network interface has that address',
};

function why(error: NodeJS.ErrnoException): string {
  return (error.code === undefined ? undefined : REASONS[error.code]) ?? error.message;
}

function hint(error: NodeJS.ErrnoException): string {
  return error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
    ? 'set MQTT_BROKER_HOST to an address of this machine'
    : 'set MQTT_BROKER_PORT to a free port';
}
