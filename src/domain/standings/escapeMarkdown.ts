/**
 * Makes a driver or event name show literally in a Discord message: markdown characters get a
 * backslash, line breaks become spaces (a name must not start a new markdown line), and
 * @everyone/@here get a zero-width space so they can never ping even if mentions are allowed.
 * Written here because domain code may not import discord.js (its escapeMarkdown lives there).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\*_~`|<>[\]]/g, (c) => `\\${c}`)
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}
