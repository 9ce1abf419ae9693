export * from './csv-rows';
export * from './evaluate';
export * from './metrics';
export * from './remediation';
export * from './schema';
export * from './words';
