export interface TargetEnv {
  signingSecret: string;
  botToken: string;
  apiUrl: string;
}

export function readTargetEnv(): TargetEnv;
