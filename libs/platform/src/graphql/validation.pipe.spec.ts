import { IsInt, MaxLength, MetadataStorage, getMetadataStorage, validateSync } from 'class-validator';
import { memoiseValidationMetadata } from './validation.pipe';

class Named {
  @MaxLength(3)
  name!: string;
}

describe('memoiseValidationMetadata', () => {
  it('answers a repeated look-up from memory, with the same rules', () => {
    const storage = new MetadataStorage();
    const lookUp = jest.spyOn(storage, 'getTargetValidationMetadatas');
    memoiseValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Named, '', false, false);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false)).toBe(first);
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect(storage.getTargetValidationMetadatas(Named, '', true, false)).not.toBe(first);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('still validates with every rule, also of a class declared after the first validation', () => {
    memoiseValidationMetadata();
    memoiseValidationMetadata(); // idempotent: wrapping twice would still work, but costs twice
    expect(validateSync(Object.assign(new Named(), { name: 'abcd' })).map((e) => e.property)).toEqual([
      'name',
    ]);
    class Aged extends Named {
      @IsInt()
      age!: number;
    }
    const errors = validateSync(Object.assign(new Aged(), { name: 'abcd', age: 'old' }));
    expect(errors.map((e) => e.property).sort()).toEqual(['age', 'name']);
    expect(validateSync(Object.assign(new Named(), { name: 'abc' }))).toEqual([]);
    expect(getMetadataStorage().getTargetValidationMetadatas(Aged, '', false, false)).toHaveLength(2);
  });
});
