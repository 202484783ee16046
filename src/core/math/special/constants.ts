/** Numerical constants shared by the special functions (all double-rounded). */
export const LOG_PI = 1.1447298858494002;
export const LOG_TWO = 0.6931471805599453;
export const LOG_SQRT_2PI = 0.9189385332046728; // 0.5*log(2*pi)
export const LOG_SQRT_PI = 0.5723649429247001;
export const LOG_2PI = 1.8378770664093453;
export const SQRT_2 = 1.4142135623730951;
export const INV_SQRT_2 = 0.7071067811865476;
export const SQRT_PI = 1.772453850905516;
export const INV_SQRT_2PI = 0.3989422804014327;
export const TWO_OVER_SQRT_PI = 1.1283791670955126;
export const EULER_GAMMA = 0.5772156649015329;
export const PI = Math.PI;
export const MACHINE_EPS = 2.220446049250313e-16;
