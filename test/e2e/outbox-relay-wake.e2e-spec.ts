import { OutboxRelayService } from '@prossimo/platform';
import { queueTestSms } from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

/**
 * A NOTIFY that arrives while the relay is in a pass is not lost: the next pass starts at once. It
 * used to be dropped, and the row waited for the next NOTIFY or poll (here a minute).
 */
describe('outbox relay woken during a pass', () => {
  const stack = startStackForFile({ env: { OUTBOX_POLL_INTERVAL_MS: '60000' } });

  it('a row committed while a pass runs is relayed right after it, not at the next poll', async () => {
    const relay = stack.worker!.get(OutboxRelayService);
    const pass = relay.relayOnce.bind(relay);
    let passes = 0;
    let inSlowPass: () => void = () => undefined;
    const slowPassRunning = new Promise<void>((resolve) => (inSlowPass = resolve));
    // The first pass after the spy is made slow after its work, so the second row's NOTIFY comes
    // during it.
    const spy = jest.spyOn(relay, 'relayOnce').mockImplementation(async () => {
      const moved = await pass();
      if (passes++ === 0) {
        inSlowPass();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return moved;
    });
    const first = uniquePhone();
    const second = uniquePhone();
    await queueTestSms(stack, first);
    await slowPassRunning;
    await queueTestSms(stack, second);
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(second).length === 1, 10000);
    expect(stack.gateway.messagesTo(first)).toHaveLength(1);
    spy.mockRestore();
  });
});
