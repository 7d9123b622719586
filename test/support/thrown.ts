/**
 * The error of type `type` that `fn` throws, to assert on its fields. Anything else thrown is
 * rethrown as it is, and a call that throws nothing fails the test.
 *
 * Kept free of imports so that the unit specs beside the libraries can use it without loading the stack.
 */
export function thrownBy<E extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
