import { createRouter } from '../../create-router';
import {
  createPassportHandler,
  getPassportHandler,
  getPassportStateHandler,
  revokePassportHandler,
} from './handlers';
import { createPassport, getPassport, getPassportState, revokePassport } from './routes';

/** Passports: staff make and revoke the link; anyone with it reads the signed summary. */
export function passportRoutes() {
  return createRouter()
    .openapi(getPassportState, getPassportStateHandler)
    .openapi(createPassport, createPassportHandler)
    .openapi(revokePassport, revokePassportHandler)
    .openapi(getPassport, getPassportHandler);
}
