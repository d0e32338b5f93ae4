import dotenv from 'dotenv';
import { type AppConfig, parseConfig } from './config.js';

/** The one place that reads process.env: loads `.env` (if present) quietly, then parses. */
export function loadConfig(): AppConfig {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
