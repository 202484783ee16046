// A CmdStan-JSON-like value: a number or nested arrays of numbers (a matrix is an array of rows).
export type JsonValue = number | JsonValue[];
