/** A file that cannot be read as a whole (not closed quote, wrong header, not a workbook). */
export class UnreadableFileError extends Error {}
