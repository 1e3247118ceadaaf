/**
 * A failure whose message is written for the member who used the command: short, saying what
 * went wrong and what to do. The interaction handler shows it as is (with a log id); any other
 * error is logged in full and the member only gets a short apology with the log id.
 */
export class UserFacingError extends Error {}
