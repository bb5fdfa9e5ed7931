/** Readiness probe of the identity service: the standard gRPC health Check (grpc.health.v1). */
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

interface HealthClient extends grpc.Client {
  Check(
    request: { service: string },
    options: grpc.CallOptions,
    callback: (err: grpc.ServiceError | null, response?: { status: string | number }) => void,
  ): grpc.ClientUnaryCall;
}

const HealthClientCtor = grpc.makeGenericClientConstructor(
  healthService,
  'Health',
) as unknown as new (address: string, credentials: grpc.ChannelCredentials) => HealthClient;

export interface HealthProbe {
  /** Resolves when the service answers SERVING within the deadline; rejects otherwise. */
  check(): Promise<void>;
  close(): void;
}

export function createIdentityHealthProbe(address: string, deadlineMs: number): HealthProbe {
  const client = new HealthClientCtor(address, grpc.credentials.createInsecure());
  return {
    check: () =>
      new Promise<void>((resolve, reject) => {
        client.Check({ service: '' }, { deadline: Date.now() + deadlineMs }, (err, response) => {
          if (err)
            reject(new Error(`identity health check failed: ${grpc.status[err.code] ?? err.code}`));
          else if (response?.status === 'SERVING' || response?.status === 1) resolve();
          else reject(new Error(`identity is ${String(response?.status)}`));
        });
      }),
    close: () => client.close(),
  };
}
