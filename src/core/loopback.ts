/**
 * Whether a host name or address is this machine: `localhost`, 127.0.0.0/8 or ::1 (bare or in
 * a URL's brackets). What may be served, or fetched over plain http, without the network.
 */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
