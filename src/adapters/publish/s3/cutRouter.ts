/**
 * What sends visitors to one cut of an object-store target: for S3 behind CloudFront, the
 * viewer-request function that rewrites every URI to `/cuts/<stamp>/…`. Without one, the
 * target's state file alone records the live cut.
 */
export interface CutRouter {
  /** Public name for logs (never credentials). */
  readonly name: string;
  /** Makes `stamp` the cut visitors see; resolves once the switch is done. */
  route(stamp: string): Promise<void>;
}
