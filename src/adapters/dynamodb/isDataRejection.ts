/**
 * Whether DynamoDB (or the document client on the way there) refused the data itself: an item
 * over 400 KB, a key over its size limit, a number out of range. Sending it again always fails,
 * unlike throttling, a network error, missing permissions or a missing table, which an admin or
 * time fixes. A table created with other keys than the bot writes also answers
 * ValidationException, but that is a setup mistake that holds for every file: not a rejection.
 */
export function isDataRejection(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ValidationException') {
    return !/key element does not match the schema|Missing the key|Type mismatch for key/i.test(err.message);
  }
  // @aws-sdk/util-dynamodb refuses numbers it cannot convert exactly before anything is sent.
  return /Number\.(MAX|MIN)_SAFE_INTEGER|NumberValue/.test(err.message);
}
