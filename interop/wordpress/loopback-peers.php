<?php
/**
 * Plugin Name: Masthead interop — loopback peers
 * Description: For the local interoperability check only. WordPress refuses to fetch pages on
 *              private addresses or on unusual ports (its SSRF protection); the Masthead server
 *              under test runs on 127.0.0.1 at a high port, so both checks are relaxed for
 *              loopback hosts and nothing else. Never install this on a public site.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

function masthead_interop_loopback( $host ) {
	$host = strtolower( trim( (string) $host, '[] ' ) );
	return in_array( $host, array( 'localhost', '127.0.0.1', '::1' ), true );
}

// Loopback counts as "external" so that wp_safe_remote_get() may fetch from it.
add_filter( 'http_request_host_is_external', function ( $external, $host ) {
	return $external || masthead_interop_loopback( $host );
}, 10, 2 );

// Any port on loopback is allowed, beside the default 80, 443 and 8080.
add_filter( 'http_allowed_safe_ports', function ( $ports, $host, $url ) {
	$port = (int) wp_parse_url( $url, PHP_URL_PORT );
	if ( $port > 0 && masthead_interop_loopback( $host ) ) {
		$ports[] = $port;
	}
	return $ports;
}, 10, 3 );
