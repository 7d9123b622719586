import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { RequestContext } from './request-context';

describe('RequestContext', () => {
  const context = { requestId: 'request-0001', language: 'en' as const, clientIp: '203.0.113.7' };

  it('keeps the context across awaits and gives nestjs-pino the request logger once bound', async () => {
    const requestLogger = pino({ level: 'silent' }).child({ req: { id: context.requestId } });
    const nestLogger = new PinoLogger({ pinoHttp: { level: 'silent' } });
    const outside = nestLogger.logger;
    await RequestContext.run(context, async () => {
      // Before the logging middleware binds it: the root logger, as outside a request.
      expect(nestLogger.logger).toBe(outside);
      expect(RequestContext.bindLogger(requestLogger)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(RequestContext.current()).toEqual(context);
      expect(RequestContext.language()).toBe('en');
      expect(nestLogger.logger).toBe(requestLogger);
    });
    expect(RequestContext.current()).toBeUndefined();
    expect(RequestContext.bindLogger(requestLogger)).toBe(false);
    expect(nestLogger.logger).toBe(outside);
  });
});
