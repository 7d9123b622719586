import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { HttpSmsChannel } from './http-sms.channel';

/** A loopback SMS provider that keeps idle connections for a minute and counts them. */
async function startProvider(): Promise<{
  url: string;
  opened: () => number;
  closed: () => number;
  server: Server;
}> {
  let opened = 0;
  let closed = 0;
  let next = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      next += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: `provider-${next}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    opened += 1;
    socket.on('close', () => (closed += 1));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms`, opened: () => opened, closed: () => closed, server };
}

async function until(test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 10));
  }
}

const message = (key: string) => ({ idempotencyKey: key, to: '+393331234567', text: 'Promemoria' });

describe('HttpSmsChannel connections', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  beforeEach(async () => {
    provider = await startProvider();
  });
  afterEach(async () => {
    provider.server.closeAllConnections();
    await new Promise((done) => provider.server.close(done));
  });

  it('sends messages that follow each other on one kept-alive connection', async () => {
    const channel = new HttpSmsChannel({ url: provider.url, sender: 'Prossimo', timeoutMs: 2000 });
    expect((await channel.send(message('a'))).gatewayMessageId).toBe('provider-1');
    expect((await channel.send(message('b'))).gatewayMessageId).toBe('provider-2');
    expect(provider.opened()).toBe(1);
    expect(provider.closed()).toBe(0);
  });

  it('closes a connection it left idle itself, so the next message goes on a new one the provider cannot close under it', async () => {
    const channel = new HttpSmsChannel({
      url: provider.url,
      sender: 'Prossimo',
      timeoutMs: 2000,
      idleSocketMs: 100,
    });
    await channel.send(message('a'));
    // The provider would keep it a minute: we close it after 100 ms idle.
    await until(() => provider.closed() === 1, 2000);
    expect((await channel.send(message('b'))).gatewayMessageId).toBe('provider-2');
    expect(provider.opened()).toBe(2);
  });

  it('waits for an answer longer than the idle bound (the idle bound is not the request timeout)', async () => {
    provider.server.removeAllListeners('request');
    provider.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      setTimeout(() => response.end(JSON.stringify({ id: 'slow' })), 300);
    });
    const channel = new HttpSmsChannel({
      url: provider.url,
      sender: 'Prossimo',
      timeoutMs: 2000,
      idleSocketMs: 100,
    });
    expect((await channel.send(message('a'))).gatewayMessageId).toBe('slow');
  });
});
