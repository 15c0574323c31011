// The seat header's name, as @ruyi/api-contract's CLASS_SEAT_HEADER (classes.test.ts checks they agree), for modules
// of the first screen that must not load the contract's schemas.
export const CLASS_SEAT_HEADER = 'x-ruyi-class-seat';
