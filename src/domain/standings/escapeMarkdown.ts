// One escaping rule for every post: see discordText.ts.
export { escapeMarkdown } from '../text/discordText';
