/** AWS credentials, as every AWS SDK credential provider returns them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials (STS, SSO, an assumed role). */
  sessionToken?: string | null | undefined;
}

/**
 * Returns the credentials to sign one attempt with; called before every attempt (retries included), so
 * rotating or refreshed credentials are picked up. Providers from `@aws-sdk/credential-providers`
 * (e.g. `fromNodeProviderChain()`) fit as they are.
 */
export type AwsCredentialsProvider = () => AwsCredentials | Promise<AwsCredentials>;
