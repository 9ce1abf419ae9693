export { listDeliverySeriesHandler } from './handlers';
export { listDeliverySeries } from './routes';
