<?php
/**
 * Turns shortcode or block attributes into the element's tag, checked against the
 * attribute list generated from custom-elements.json (includes/elements.php).
 *
 * Nothing a Contributor writes becomes markup: the tag name and the attribute names come
 * from the generated list, every value goes through esc_attr(), URL attributes accept
 * only http(s) or addresses on the own site. An unknown attribute or a refused value
 * renders a visible error box in place of the widget, never a silently different widget.
 *
 * @package fokus-widgets
 */

defined( 'ABSPATH' ) || exit;

/** Rendering of one widget. */
final class Fokus_Widgets_Render {

	/** @var array<string, array>|null The generated element list. */
	private static $elements = null;

	/**
	 * The elements and their attributes: tag => [ 'description' => …, 'attributes' =>
	 * [ name => [ 'type' => 'string'|'number'|'boolean'|'url', 'values' => […], 'description' => … ] ] ].
	 *
	 * @return array<string, array>
	 */
	public static function elements() {
		if ( null === self::$elements ) {
			self::$elements = require __DIR__ . '/elements.php';
		}
		return self::$elements;
	}

	/**
	 * Brings shortcode attributes into name => value form: bare words (`no-table`) are
	 * flags, typographic quotes around values (from a word processor) are removed.
	 *
	 * @param array|string $atts Attributes as WordPress parsed them.
	 * @return array<string, string|bool>
	 */
	public static function normalize( $atts ) {
		$out = array();
		foreach ( (array) $atts as $name => $value ) {
			if ( is_int( $name ) ) {
				$out[ strtolower( (string) $value ) ] = true;
				continue;
			}
			if ( is_bool( $value ) ) {
				$out[ (string) $name ] = $value;
				continue;
			}
			$value = html_entity_decode( (string) $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
			$value = preg_replace( '/^[\x{201C}\x{201D}\x{201E}\x{2018}\x{2019}\x{2033}\x{00AB}\x{00BB}]+|[\x{201C}\x{201D}\x{201E}\x{2018}\x{2019}\x{2033}\x{00AB}\x{00BB}]+$/u', '', $value );
			$out[ (string) $name ] = trim( (string) $value );
		}
		return $out;
	}

	/**
	 * Checks attributes against the element's list.
	 *
	 * @param string $tag   Element name.
	 * @param array  $atts  Normalized attributes.
	 * @return array{0: array<string, string|bool>, 1: string[][]} Accepted attributes and problems ([code, name, value]).
	 */
	public static function check( $tag, array $atts ) {
		$elements = self::elements();
		$known    = $elements[ $tag ]['attributes'];
		$accepted = array();
		$problems = array();
		foreach ( $atts as $name => $value ) {
			if ( ! isset( $known[ $name ] ) ) {
				$problems[] = array( 'unknown', (string) $name, is_bool( $value ) ? '' : (string) $value );
				continue;
			}
			$type = $known[ $name ]['type'];
			if ( 'boolean' === $type ) {
				$on = true === $value || ! in_array( strtolower( (string) $value ), array( 'false', '0', 'no', 'off', 'nein' ), true );
				if ( $on ) {
					$accepted[ $name ] = true;
				}
				continue;
			}
			if ( true === $value || false === $value || '' === $value ) {
				continue; // No value given: the element's default.
			}
			if ( 'url' === $type && ! self::is_safe_url( (string) $value ) ) {
				$problems[] = array( 'invalid', (string) $name, (string) $value );
				continue;
			}
			$accepted[ $name ] = (string) $value;
		}
		return array( $accepted, $problems );
	}

	/**
	 * True for http(s) URLs and addresses without a scheme (relative to the site);
	 * false for `javascript:`, `data:` and every other scheme, also when entity-encoded.
	 *
	 * @param string $url The value.
	 */
	public static function is_safe_url( $url ) {
		if ( preg_match( '/[\x00-\x20"\'<>`\\\\]/', $url ) ) {
			return false; // Spaces, quotes, angle brackets, backslashes: never part of a clean address.
		}
		if ( preg_match( '#^(https?:)?//[^/]#i', $url ) ) {
			return true;
		}
		// Without a scheme it is an address on this site; a colon before the first / ? # is a scheme.
		return ! preg_match( '/^[^\/?#]*:/', $url );
	}

	/**
	 * The HTML of one widget (or of its error box).
	 *
	 * @param string       $tag     Element name (from the generated list).
	 * @param array|string $atts    Shortcode or block attributes.
	 * @param bool         $editor  True in the editor's preview: the notice lists the known attributes.
	 */
	public static function widget( $tag, $atts, $editor = false ) {
		$elements = self::elements();
		if ( ! isset( $elements[ $tag ] ) ) {
			return '';
		}
		$atts                 = self::normalize( $atts );
		list( $ok, $problems ) = self::check( $tag, $atts );
		$lang                 = self::lang( isset( $ok['lang'] ) ? (string) $ok['lang'] : '' );
		if ( $problems ) {
			return self::error_box( $tag, $problems, $lang, $editor );
		}
		if ( empty( $ok['endpoint'] ) ) {
			$endpoint = Fokus_Widgets_Settings::get( 'endpoint' );
			if ( '' !== $endpoint ) {
				$ok['endpoint'] = $endpoint;
			}
		}
		Fokus_Widgets::enqueue_loader();
		$html = '<' . $tag;
		foreach ( $ok as $name => $value ) {
			$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
		return $html . '></' . $tag . '>';
	}

	/**
	 * `de` or `en`: the widget's own `lang`, else the site language.
	 *
	 * @param string $own The widget's lang attribute.
	 */
	public static function lang( $own ) {
		$lang = '' !== $own ? $own : get_locale();
		return 0 === stripos( $lang, 'en' ) ? 'en' : 'de';
	}

	/**
	 * The error box shown instead of the widget: the element's wording, as text only.
	 *
	 * @param string  $tag      Element name.
	 * @param array[] $problems [code, name, value] triples.
	 * @param string  $lang     `de` or `en`.
	 * @param bool    $editor   Adds the list of known attributes.
	 */
	public static function error_box( $tag, array $problems, $lang, $editor ) {
		$de    = 'de' === $lang;
		$lines = array();
		foreach ( $problems as $p ) {
			list( $code, $name, $value ) = $p;
			if ( 'unknown' === $code ) {
				$lines[] = sprintf( $de ? 'Das Attribut „%1$s“ gibt es bei <%2$s> nicht.' : 'The attribute "%1$s" does not exist on <%2$s>.', $name, $tag );
			} else {
				$lines[] = sprintf( $de ? 'Der Wert „%1$s“ ist für das Attribut „%2$s“ nicht zulässig: nur http://, https:// oder eine Adresse dieser Website.' : 'The value "%1$s" is not allowed for the attribute "%2$s": only http://, https:// or an address on this site.', $value, $name );
			}
		}
		$elements = self::elements();
		$known    = implode( ', ', array_keys( $elements[ $tag ]['attributes'] ) );
		Fokus_Widgets::enqueue_notice_style();
		$html  = '<div class="fokus-widgets-error" role="alert" data-fokus-tag="' . esc_attr( $tag ) . '">';
		$html .= '<strong>' . esc_html( $de ? 'Die Daten können nicht angezeigt werden.' : 'The data cannot be shown.' ) . '</strong>';
		foreach ( $lines as $line ) {
			$html .= '<span class="fokus-widgets-error-message">' . esc_html( $line ) . '</span>';
		}
		if ( $editor ) {
			$html .= '<span class="fokus-widgets-error-hint">' . esc_html( ( $de ? 'Bekannte Attribute: ' : 'Known attributes: ' ) . $known ) . '</span>';
		}
		return $html . '</div>';
	}
}
