/**
 * A pure rule's refusal of input it cannot work with (the caller's bug, not a person's mistake):
 * a code, the field at fault, and why. Each rules module names its subclass and its codes, so the
 * error's name says which rules refused.
 */
export class RuleInputError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
