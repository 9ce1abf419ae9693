import { createRouter } from '../../create-router';
import { createPassportHandler, getPassportHandler, revokePassportHandler } from './handlers';
import { createPassport, getPassport, revokePassport } from './routes';

/** Passports: staff make and revoke the link; anyone with it reads the signed summary. */
export function passportRoutes() {
  return createRouter()
    .openapi(createPassport, createPassportHandler)
    .openapi(revokePassport, revokePassportHandler)
    .openapi(getPassport, getPassportHandler);
}
