// Entry point of @nvr/shared: types and pure domain rules used by both the server and the web app.
export * from './assert';
export * from './dates';
export * from './counties';
export * from './kommune';
export * from './region';
export * from './access';
export * from './plp';
export * from './gate';
export * from './next-actions';
export * from './cost-sharing';
export * from './budget';
export * from './plan';
export * from './status-report';
export * from './portfolio';
export * from './reminders';
export * from './comments';
export * from './history';
