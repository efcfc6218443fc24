/** The NSS sentence Firefox reports for a TLS handshake that read plain HTTP (toolchain-firefox.md). */
export const RECORD_TOO_LONG = 'SSL received a record that exceeded the maximum permissible length.';
