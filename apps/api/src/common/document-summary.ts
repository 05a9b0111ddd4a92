/** The read models' summary columns of a document, as the inbox and deadlines rows carry them. */
interface SummaryColumns {
  urgency: unknown; subject: string; code_number: string | null; code_notation: string | null; sender_name: string | null;
  register_code: string | null; year: number | null; arrival_number: number | null; status: unknown;
}

/** Those columns as the GraphQL list items name them, each keeping its row's type. */
export interface DocumentSummary<R extends SummaryColumns> {
  urgency: R['urgency']; subject: string; codeNumber: R['code_number']; codeNotation: R['code_notation'];
  senderName: R['sender_name']; registerCode: string | null; year: number | null; arrivalNumber: number | null; status: R['status'];
}

export function documentSummary<R extends SummaryColumns>(row: R): DocumentSummary<R> {
  return {
    urgency: row.urgency,
    subject: row.subject,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    senderName: row.sender_name,
    registerCode: row.register_code,
    year: row.year,
    arrivalNumber: row.arrival_number,
    status: row.status,
  };
}
