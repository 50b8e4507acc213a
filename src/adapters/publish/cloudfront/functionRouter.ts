/**
 * Switches visitors of the S3 + CloudFront target to a cut: writes the cut's stamp into the
 * distribution's viewer-request function and publishes it. Three calls, each guarded by the
 * function's ETag so that two publishers can never interleave:
 *
 *   DescribeFunction (DEVELOPMENT stage: its ETag and configuration)
 *   UpdateFunction   (the new code, If-Match that ETag; answers the next ETag)
 *   PublishFunction  (DEVELOPMENT → LIVE, If-Match the ETag UpdateFunction answered)
 *
 * PreconditionFailed means someone changed the function in between: the three steps start
 * over from a fresh DescribeFunction. Throttling, 5xx and timeouts are retried by the SDK's
 * standard retry strategy (exponential backoff with jitter). Credentials come from the
 * standard provider chain and are never logged; the lines name only the function and stamps.
 */
import {
  CloudFrontClient,
  DescribeFunctionCommand,
  PublishFunctionCommand,
  UpdateFunctionCommand,
  type FunctionConfig,
} from '@aws-sdk/client-cloudfront';
import { ROUTER_RUNTIME, routerFunctionCode } from '../../../core/publish/cloudfrontRouter.ts';
import { backoffDelay } from '../../source/retryPolicy.ts';
import type { CutRouter } from '../s3/cutRouter.ts';

/** A CutRouter that can also route to no cut at all (the 503 before the first cut). */
export interface CloudFrontRouter extends CutRouter {
  route(stamp: string | null): Promise<void>;
}

export interface CloudFrontRouterOptions {
  /** The CloudFront Function's name (the stack's RouterFunctionName output). */
  functionName: string;
  /** Default: a client from the standard provider chain (CloudFront's API lives in us-east-1). */
  client?: CloudFrontClient;
  /** Attempts of the whole Describe → Update → Publish sequence when the ETag moved under it. */
  attempts?: number;
  /** Base of the backoff between those attempts. */
  retryBaseMs?: number;
  /** Retries, for the operator (the target logs the switch itself). */
  log?: (line: string) => void;
}

/** What the function's comment says, so that the console and DescribeFunction show the live cut. */
export const routerComment = (stamp: string | null): string => (stamp === null ? 'PREP: no cut published yet' : `PREP: live cut ${stamp}`);

/** SDK calls retried by the SDK itself (throttling, 5xx, timeouts), per call. */
const SDK_ATTEMPTS = 6;

export function defaultCloudFrontClient(): CloudFrontClient {
  return new CloudFrontClient({ region: 'us-east-1', maxAttempts: SDK_ATTEMPTS, retryMode: 'standard' });
}

const isPreconditionFailed = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'PreconditionFailed';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function cloudfrontRouter(options: CloudFrontRouterOptions): CloudFrontRouter {
  const { functionName, attempts = 5, retryBaseMs = 500, log = () => {} } = options;
  const client = options.client ?? defaultCloudFrontClient();
  const name = `CloudFront function ${functionName}`;

  const step = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isPreconditionFailed(error)) throw error;
      const e = error as { name?: string; message?: string };
      throw new Error(`${name}: ${what} failed: ${e.name ?? 'Error'}: ${e.message ?? String(error)}`, { cause: error });
    }
  };

  const once = async (code: Uint8Array, stamp: string | null): Promise<void> => {
    const described = await step('DescribeFunction', () => client.send(new DescribeFunctionCommand({ Name: functionName, Stage: 'DEVELOPMENT' })));
    const held = described.FunctionSummary?.FunctionConfig;
    if (described.ETag === undefined || held === undefined) throw new Error(`${name}: DescribeFunction answered no ETag or configuration`);
    const config: FunctionConfig = { Comment: routerComment(stamp), Runtime: ROUTER_RUNTIME, KeyValueStoreAssociations: held.KeyValueStoreAssociations };
    const updated = await step('UpdateFunction', () =>
      client.send(new UpdateFunctionCommand({ Name: functionName, IfMatch: described.ETag, FunctionConfig: config, FunctionCode: code })),
    );
    if (updated.ETag === undefined) throw new Error(`${name}: UpdateFunction answered no ETag`);
    await step('PublishFunction', () => client.send(new PublishFunctionCommand({ Name: functionName, IfMatch: updated.ETag })));
  };

  return {
    name,
    async route(stamp) {
      const code = new TextEncoder().encode(routerFunctionCode(stamp));
      for (let attempt = 1; ; attempt++) {
        try {
          await once(code, stamp);
          return;
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
          if (attempt >= attempts)
            throw new Error(`${name}: the function kept changing while switching to ${stamp ?? 'no cut'} (${attempts} attempts); is another publisher running?`, { cause: error });
          const wait = backoffDelay(attempt, retryBaseMs);
          log(`${name}: changed by someone else meanwhile; starting over in ${wait} ms (attempt ${attempt + 1} of ${attempts})`);
          await sleep(wait);
        }
      }
    },
  };
}
