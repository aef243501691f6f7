<?php
/*
 * Drives the local WordPress from the command line for interop/wordpress.sh:
 *
 *   php site.php install                      install the site once (idempotent)
 *   php site.php post SLUG TITLE HTML         publish (or re-publish) a post; prints its URL
 *   php site.php ping                         send the pending pingbacks now (what WP-Cron would run)
 *   php site.php pingbacks SLUG               list the pingbacks on a post and approve them
 *
 * MASTHEAD_WP_HOST (e.g. localhost:8091) says which site: Debian's wp-config.php picks
 * /etc/wordpress/config-<host without port>.php from HTTP_HOST.
 */

$host = getenv( 'MASTHEAD_WP_HOST' ) ?: 'localhost:8091';
$_SERVER['HTTP_HOST']   = $host;
$_SERVER['SERVER_NAME'] = preg_replace( '/:.*/', '', $host );
$_SERVER['REQUEST_URI'] = '/';
$command = $argv[1] ?? '';

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}

require '/usr/share/wordpress/wp-load.php';

function out( $line ) {
	fwrite( STDOUT, $line . "\n" );
}

function post_by_slug( $slug ) {
	$found = get_posts( array( 'name' => $slug, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1 ) );
	return $found ? $found[0] : null;
}

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		if ( ! is_blog_installed() ) {
			wp_install( 'Harbour Desk', 'desk', 'desk@example.invalid', false, '', wp_generate_password( 24 ) );
		}
		update_option( 'default_ping_status', 'open' );
		update_option( 'default_pingback_flag', '1' );
		update_option( 'permalink_structure', '' );
		out( 'installed ' . home_url( '/' ) );
		break;

	case 'post':
		[ , , $slug, $title, $html ] = $argv;
		$post = post_by_slug( $slug );
		$fields = array(
			'post_name'      => $slug,
			'post_title'     => $title,
			'post_content'   => $html,
			'post_status'    => 'draft',
			'post_type'      => 'post',
			'comment_status' => 'open',
			'ping_status'    => 'open',
		);
		if ( $post ) {
			$fields['ID'] = $post->ID;
			// Forget earlier pings so that publishing again sends them again.
			$GLOBALS['wpdb']->update( $GLOBALS['wpdb']->posts, array( 'pinged' => '' ), array( 'ID' => $post->ID ) );
		}
		$id = wp_insert_post( $fields, true );
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		wp_publish_post( $id ); // marks the post for pinging, as publishing from the editor does
		out( get_permalink( $id ) );
		break;

	case 'ping':
		do_all_pings();
		out( 'pings sent' );
		break;

	case 'pingbacks':
		$post = post_by_slug( $argv[2] ?? '' );
		if ( ! $post ) {
			fwrite( STDERR, "no such post\n" );
			exit( 1 );
		}
		$found = get_comments( array( 'post_id' => $post->ID, 'type' => 'pingback', 'status' => 'all' ) );
		foreach ( $found as $comment ) {
			out( sprintf( 'pingback %d [%s] %s <%s>', $comment->comment_ID, wp_get_comment_status( $comment ), $comment->comment_author, $comment->comment_author_url ) );
			if ( 'approved' !== wp_get_comment_status( $comment ) ) {
				wp_set_comment_status( $comment->comment_ID, 'approve' );
				out( '  approved (WordPress holds pingbacks from new sources)' );
			}
		}
		exit( $found ? 0 : 3 );

	default:
		fwrite( STDERR, "usage: php site.php install|post|ping|pingbacks\n" );
		exit( 2 );
}
