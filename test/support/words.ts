/** Words in a lesson body, not counting markdown punctuation (the content tests' length rule). */
export function countWords(markdown: string): number {
  return markdown
    .replace(/[#>*_`[\]()-]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
