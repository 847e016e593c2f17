// A minimal client for Firefox's Marionette protocol (length-prefixed JSON over TCP). The
// toolbox tests need Marionette rather than WebDriver BiDi because only its chrome context
// reaches the DevTools toolbox (gDevTools) and the extension panel's <browser>.
import { connect, type Socket } from 'node:net';

interface Pending {
  command: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface MarionetteError {
  error: string;
  message: string;
  stacktrace?: string;
}

/** Marionette's reply to a command: `[1, id, error, result]`. */
type Reply = [1, number, MarionetteError | null, unknown];

export class MarionetteClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = Buffer.alloc(0);
  private closed: Error | null = null;
  private greetingReceived: (() => void) | null = null;
  /** Settles with Marionette's first packet, the greeting. */
  private readonly greeting = new Promise<void>((resolve) => {
    this.greetingReceived = resolve;
  });

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('the Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** Connects and reads Marionette's greeting (`{applicationType, marionetteProtocol}`). */
  static async connect(port: number): Promise<MarionetteClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new MarionetteClient(socket);
    await client.greeting;
    return client;
  }

  /** Sends one command and resolves to its result, or rejects with Marionette's error. */
  send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]));
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: (value) => resolve(value as T), reject });
    });
    this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    return result;
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet: unknown = JSON.parse(
        this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'),
      );
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (Array.isArray(packet)) this.settle(packet as Reply);
      else this.greetingReceived?.();
    }
  }

  private settle([, id, error, result]: Reply): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (error) {
      const stack = error.stacktrace ? `\n${error.stacktrace}` : '';
      pending.reject(new Error(`${pending.command}: ${error.error}: ${error.message}${stack}`));
    } else {
      pending.resolve(result);
    }
  }

  private failAll(error: Error): void {
    this.closed = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
