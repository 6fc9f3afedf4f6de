export * from './center-time';
export * from './opening-hours';
export * from './wait-estimate';
export * from './cutoff';
export * from './numbering';
export * from './ticket-states';
export * from './clock-guard';
export * from './issue-plan';
