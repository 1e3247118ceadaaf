/** DynamoDB refused a conditional write because the condition did not hold (someone else got there first). */
export function conditionFailed(err: unknown): boolean {
  return (err as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
