import type { Command } from 'commander';
import { action } from '../failure.ts';

interface Options {
  publicKey?: string;
  fingerprint?: string;
  json: boolean;
}

/** `prep verify`: the parties' check of a published cut — checksums, signature, ZIPs, and the counting rules in every results file. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("Check a published cut: checksums, the manifest's signature, the ZIPs, and every results file against the Anexo 13 counting rules")
    .argument('<target>', 'a cut folder, a ZIP (integrity files beside it are used when present), or an https URL of a cut folder (ending in /) or of a ZIP')
    .option('--public-key <pem>', 'verify the signature with this Ed25519 public key (PEM) instead of the published prep-ed25519-public.pem')
    .option('--fingerprint <hex>', "the SHA-256 fingerprint the signing key must have, as the electoral body publishes it (spaces and colons allowed)")
    .option('--json', 'print JSON (the stable machine-readable contract)', false)
    .addHelpText(
      'after',
      `
Each line of the report is one check: ok, warn or FAIL, what was checked and where
(file:line: column). The exit code is 1 when any check fails, 0 otherwise (warnings allowed).

A ZIP is read within fixed limits (docs/databases.md): a ZIP bomb, a symbolic link, entries
sharing their bytes or ZIPs nested too deep get one FAIL line, before anything is inflated.
A file over 2 GiB is hashed and named in a FAIL; everything else is still checked.

The JSON output is {"target","ok","checks":[{"check","status","file"?,"line"?,"column"?,"message"}],"summary":{"checks","ok","warn","fail"}}.

For an http(s) target only the given address and files in the same URL folder are requested:
the ZIP's folder for a ZIP URL (manifest.json, manifest.json.sig, SHA256SUMS,
prep-ed25519-public.pem), or for a folder URL those four and every file the manifest lists.

Examples:
  prep verify out/databases/20240602_2000
  prep verify 20240602_2000_PREP_GRO.zip --fingerprint "ab12 cd34 …"
  prep verify https://prep.example.org/databases/20240602_2000/ --json`,
    )
    .action(
      action(async (target: string, opts: Options) => {
        const { verifyTarget } = await import('../../adapters/verify/verifyCut.ts');
        const { formatReport, reportJson } = await import('../../core/verify/report.ts');
        const report = await verifyTarget(target, {
          ...(opts.publicKey === undefined ? {} : { publicKey: opts.publicKey }),
          ...(opts.fingerprint === undefined ? {} : { fingerprint: opts.fingerprint }),
        });
        process.stdout.write(opts.json ? reportJson(report) : formatReport(report));
        if (!report.ok) process.exitCode = 1;
      }),
    );
}
