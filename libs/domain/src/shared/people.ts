/** A staff member as events record them: enough for read models to display without a directory lookup. */
export interface PersonRef {
  readonly username: string;
  readonly fullName: string;
}
