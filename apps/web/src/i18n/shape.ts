/** A messages tree's shape: the same keys, any words (one language's tree typed from the other's). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
