/**
 * Creates the test bucket through the S3 API of the store named by PREP_TEST_S3_ENDPOINT,
 * PREP_TEST_S3_ACCESS_KEY, PREP_TEST_S3_SECRET_KEY and PREP_TEST_S3_BUCKET (swift-up.sh's
 * s3.env). Retries while the proxy finishes starting; an existing bucket of ours is fine.
 */
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`createBucket: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const endpoint = env('PREP_TEST_S3_ENDPOINT');
const bucket = env('PREP_TEST_S3_BUCKET');
const client = new S3Client({
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: env('PREP_TEST_S3_ACCESS_KEY'), secretAccessKey: env('PREP_TEST_S3_SECRET_KEY') },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const ATTEMPTS = 20;
let lastError = '';
for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
    });
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    process.exit(0);
  } catch (error) {
    lastError = `${(error as Error).name}: ${(error as Error).message}`;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
console.error(`createBucket: could not create bucket ${bucket} at ${endpoint} after ${ATTEMPTS} attempts: ${lastError}`);
process.exit(1);
