/** The list of business-rule checks run by `validate` and `build`, in order. */
import type { Check } from '../check.js';
import { uniqueValues } from './unique-values.js';

/** Every check, in the order it runs. */
export const CHECKS: Check[] = [uniqueValues];
