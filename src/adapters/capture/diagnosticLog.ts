import { InputError, type Diagnostic } from '../../core/diagnostics.ts';

/** Rejections kept per export: enough to fix the input; reading stops there, since more would only repeat them. */
const MAX_REJECTIONS = 200;
/**
 * Warnings kept per export. Every one must be reachable (`--json`, `--warnings <file>`), and
 * a national export warns about each of its half million actas at worst; the bound only
 * keeps a hostile file from exhausting memory.
 */
const MAX_WARNINGS = 1_000_000;

/** Collects diagnostics while an export is read; rejections are thrown together at the end. */
export class DiagnosticLog {
  private readonly kept: Diagnostic[] = [];
  readonly rejections: Diagnostic[] = [];
  private dropped = 0;
  private droppedWarnings = 0;

  readonly report = (d: Diagnostic): void => {
    if (d.rejects) {
      if (this.rejections.length < MAX_REJECTIONS) this.rejections.push(d);
      else this.dropped++;
    } else if (this.kept.length < MAX_WARNINGS) this.kept.push(d);
    else this.droppedWarnings++;
  };

  /** The warnings, with a last line counting those not listed. */
  get warnings(): Diagnostic[] {
    if (this.droppedWarnings === 0) return this.kept;
    const file = this.kept[0]!.file;
    return [...this.kept, { rejects: false, file, message: `${this.droppedWarnings} more warnings not listed (the first ${MAX_WARNINGS} are shown)` }];
  }

  /** True once enough rejections are known: reading on would only repeat them. */
  get full(): boolean {
    return this.rejections.length >= MAX_REJECTIONS;
  }

  throwIfRejected(): void {
    if (this.rejections.length === 0) return;
    const more: Diagnostic[] = this.dropped > 0 || this.full ? [{ rejects: true, file: this.rejections[0]!.file, message: `further problems not listed (the first ${MAX_REJECTIONS} are shown)` }] : [];
    throw new InputError([...this.rejections, ...more, ...this.warnings]);
  }
}
