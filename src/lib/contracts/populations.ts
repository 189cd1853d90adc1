// What the populations import answers the browser (src/server/populations/import.ts).

/** One reason the file was refused. Codes are keys of the 'admin.populations.import.issues' messages. */
export interface PopulationImportIssue {
  /** the file's row (the header is row 1); null for the file as a whole */
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  /** what the message names besides the value: the other row of a duplicate, a unit's validity, another province */
  params?: Record<string, string | number>;
}

export interface PopulationImportSummary {
  /** the file's figures */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}
