/** Writing one CSV cell, for the example rows of the year folder's guide. */

/** Quote a CSV cell when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
