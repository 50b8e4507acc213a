import { InputError, type Diagnostic } from '../../core/diagnostics.ts';

/** Problems kept per export: enough to fix the input, bounded so a broken file cannot exhaust memory. */
const MAX_KEPT = 200;

/** Collects diagnostics while an export is read; rejections are thrown together at the end. */
export class DiagnosticLog {
  private readonly kept: Diagnostic[] = [];
  readonly rejections: Diagnostic[] = [];
  private dropped = 0;
  private droppedWarnings = 0;

  readonly report = (d: Diagnostic): void => {
    const list = d.rejects ? this.rejections : this.kept;
    if (list.length < MAX_KEPT) list.push(d);
    else if (d.rejects) this.dropped++;
    else this.droppedWarnings++;
  };

  /** The warnings, with a last line counting those not listed. */
  get warnings(): Diagnostic[] {
    if (this.droppedWarnings === 0) return this.kept;
    const file = this.kept[0]!.file;
    return [...this.kept, { rejects: false, file, message: `${this.droppedWarnings} more warnings not listed (the first ${MAX_KEPT} are shown)` }];
  }

  /** True once enough rejections are known: reading on would only repeat them. */
  get full(): boolean {
    return this.rejections.length >= MAX_KEPT;
  }

  throwIfRejected(): void {
    if (this.rejections.length === 0) return;
    const more: Diagnostic[] = this.dropped > 0 || this.full ? [{ rejects: true, file: this.rejections[0]!.file, message: `further problems not listed (the first ${MAX_KEPT} are shown)` }] : [];
    throw new InputError([...this.rejections, ...more, ...this.warnings]);
  }
}
