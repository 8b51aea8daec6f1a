/**
 * Users get an email address, so a flow's "email" notification reaches a mailbox (through the
 * outbox and SMTP) instead of only the in-app inbox. Optional: partner users invited by link and
 * service accounts may have none.
 */
export const userEmail = `
ALTER TABLE users ADD COLUMN email text;
`;
