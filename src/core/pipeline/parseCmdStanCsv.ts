// One CmdStan output CSV -> draws by flattened Stan name. Comment lines (`#`: configuration, adaptation,
// timing) and blank lines are skipped; CmdStan's dotted names (`theta.3`, `Sigma.2.1`) become Stan's
// (`theta[3]`, `Sigma[2,1]`); sampler columns (`lp__`, `divergent__`, ...) are kept under their names.
export type CsvParse = { ok: true; columns: Record<string, number[]> } | { ok: false; line: number; message: string };

export function stanName(csvName: string): string {
  const parts = csvName.split('.');
  if (parts.length === 1 || !parts.slice(1).every((p) => /^\d+$/.test(p))) return csvName;
  return `${parts[0]}[${parts.slice(1).join(',')}]`;
}

export function parseCmdStanCsv(text: string): CsvParse {
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  let cols: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',');
    if (!header) {
      header = cells.map((c) => stanName(c.trim().replace(/^"|"$/g, '')));
      cols = header.map(() => []);
      continue;
    }
    if (cells.length !== header.length) return { ok: false, line: i + 1, message: `expected ${header.length} values, got ${cells.length}` };
    for (let j = 0; j < cells.length; j++) {
      const v = Number(cells[j]);
      const s = cells[j].trim().toLowerCase();
      if (Number.isNaN(v) && s !== 'nan') {
        const special = s === 'inf' || s === 'infinity' ? Infinity : s === '-inf' || s === '-infinity' ? -Infinity : null;
        if (special === null) return { ok: false, line: i + 1, message: `'${cells[j]}' in column '${header[j]}' is not a number` };
        cols[j].push(special);
      } else cols[j].push(v);
    }
  }
  if (!header) return { ok: false, line: 1, message: 'no header line (a CmdStan CSV starts with comment lines, then the column names)' };
  const columns: Record<string, number[]> = {};
  header.forEach((h, j) => (columns[h] = cols[j]));
  return { ok: true, columns };
}
