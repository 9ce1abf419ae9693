export * from './evaluate';
export * from './metrics';
export * from './schema';
export * from './words';
