<?php
/**
 * Shortcodes, blocks, the loader and the kses allow-list.
 *
 * - One shortcode per element (`[indicator-chart indicator="…"]`) and one dynamic block
 *   per element (`fokus-widgets/indicator-chart`) with the element's attributes; both work
 *   for Authors and Contributors, because neither stores HTML the role may not write.
 * - The loader is enqueued once, as a module, by the first widget rendered on a page:
 *   through wp_enqueue_script_module() where WordPress has it (6.5 and later), else as a
 *   script whose tag gets type="module" (6.1 to 6.4).
 * - The tags and attributes of custom-elements.json (includes/kses-allowed-html.php) are
 *   allowed in post content, so pasted tags survive for roles without unfiltered_html.
 *
 * @package fokus-widgets
 */

defined( 'ABSPATH' ) || exit;

/** The plugin. */
final class Fokus_Widgets {

	const HANDLE = 'fokus-widgets';

	/** Hooks. */
	public static function boot() {
		Fokus_Widgets_Settings::boot();
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 2 );
		add_filter( 'wp_kses_allowed_html', array( __CLASS__, 'allowed_html' ), 10, 2 );
		add_filter( 'wp_kses_uri_attributes', array( __CLASS__, 'uri_attributes' ) );
		add_filter( 'the_content', array( __CLASS__, 'detect_tags' ), 100 );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_assets' ) );
	}

	/** Registers the shortcodes and blocks of every element. */
	public static function register() {
		foreach ( Fokus_Widgets_Render::elements() as $tag => $element ) {
			add_shortcode(
				$tag,
				static function ( $atts ) use ( $tag ) {
					return Fokus_Widgets_Render::widget( $tag, is_array( $atts ) ? $atts : array() );
				}
			);
			$attributes = array( 'fokusUnknown' => array( 'type' => 'string' ) );
			foreach ( $element['attributes'] as $name => $attribute ) {
				$attributes[ $name ] = array( 'type' => 'boolean' === $attribute['type'] ? 'boolean' : 'string' );
			}
			register_block_type(
				'fokus-widgets/' . $tag,
				array(
					'api_version'     => 2,
					'title'           => $tag,
					'description'     => $element['description'],
					'category'        => 'widgets',
					'icon'            => 'chart-area',
					'keywords'        => array( 'fokus', 'statistik', 'pinneberg' ),
					'attributes'      => $attributes,
					'supports'        => array(
						'html'            => false,
						'className'       => false,
						'customClassName' => false,
					),
					'editor_script'   => 'fokus-widgets-editor',
					'render_callback' => static function ( $attrs ) use ( $tag ) {
						return self::render_block( $tag, is_array( $attrs ) ? $attrs : array() );
					},
				)
			);
		}
		wp_register_script(
			'fokus-widgets-editor',
			plugins_url( 'assets/blocks.js', FOKUS_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
			FOKUS_WIDGETS_VERSION,
			true
		);
		wp_register_style( 'fokus-widgets-notice', plugins_url( 'assets/notice.css', FOKUS_WIDGETS_FILE ), array(), FOKUS_WIDGETS_VERSION );
	}

	/**
	 * A block: its attributes (and the unknown ones a pasted shortcode brought along).
	 *
	 * @param string $tag   Element name.
	 * @param array  $attrs Block attributes.
	 */
	public static function render_block( $tag, array $attrs ) {
		$atts = array();
		foreach ( $attrs as $name => $value ) {
			if ( 'fokusUnknown' === $name ) {
				foreach ( array_filter( array_map( 'trim', explode( ',', (string) $value ) ) ) as $unknown ) {
					$atts[ $unknown ] = '';
				}
				continue;
			}
			if ( false === $value || null === $value ) {
				continue;
			}
			$atts[ $name ] = $value;
		}
		$editor = defined( 'REST_REQUEST' ) && REST_REQUEST;
		return Fokus_Widgets_Render::widget( $tag, $atts, $editor );
	}

	/** The loader's address: the bundled copy or the external one from the settings. */
	public static function loader_url() {
		$external = Fokus_Widgets_Settings::get( 'library_url' );
		if ( 'external' === Fokus_Widgets_Settings::get( 'library' ) && '' !== $external ) {
			return $external;
		}
		return plugins_url( 'lib/fokus-widgets.js', FOKUS_WIDGETS_FILE );
	}

	/**
	 * Enqueues the loader as a module (front end and editor). Enqueueing is idempotent, so
	 * every widget calls this and the page still gets one script tag; no flag of our own,
	 * because the block editor throws away what its REST preloading enqueued.
	 */
	public static function enqueue_loader() {
		if ( function_exists( 'wp_enqueue_script_module' ) && ! is_admin() && ! ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) {
			wp_enqueue_script_module( self::HANDLE, self::loader_url(), array(), FOKUS_WIDGETS_VERSION );
			return;
		}
		wp_enqueue_script( self::HANDLE, self::loader_url(), array(), FOKUS_WIDGETS_VERSION, true );
	}

	/** Enqueues the style of the error box. */
	public static function enqueue_notice_style() {
		wp_enqueue_style( 'fokus-widgets-notice' );
	}

	/**
	 * WordPress before 6.5: the loader's script tag becomes a module.
	 *
	 * @param string $tag    The script tag.
	 * @param string $handle Its handle.
	 */
	public static function module_tag( $tag, $handle ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
		return preg_replace( '/<script(?=[\s>])/', '<script type="module"', $tag, 1 );
	}

	/**
	 * Pasted tags in post content (e.g. a Custom HTML block) also load the loader.
	 *
	 * @param string $content The post content.
	 */
	public static function detect_tags( $content ) {
		if ( is_string( $content ) ) {
			foreach ( array_keys( Fokus_Widgets_Render::elements() ) as $tag ) {
				if ( false !== strpos( $content, '<' . $tag ) ) {
					self::enqueue_loader();
					break;
				}
			}
		}
		return $content;
	}

	/**
	 * Allows the elements and their attributes (generated from custom-elements.json) in
	 * post content, for every role.
	 *
	 * @param array  $allowed Allowed tags.
	 * @param string $context kses context.
	 */
	public static function allowed_html( $allowed, $context ) {
		if ( 'post' !== $context || ! is_array( $allowed ) ) {
			return $allowed;
		}
		return array_merge( $allowed, require __DIR__ . '/kses-allowed-html.php' );
	}

	/**
	 * URL attributes of the elements get kses' protocol check (no `javascript:`).
	 *
	 * @param string[] $attributes Attribute names checked for protocols.
	 */
	public static function uri_attributes( $attributes ) {
		foreach ( Fokus_Widgets_Render::elements() as $element ) {
			foreach ( $element['attributes'] as $name => $attribute ) {
				if ( 'url' === $attribute['type'] && ! in_array( $name, $attributes, true ) ) {
					$attributes[] = $name;
				}
			}
		}
		return $attributes;
	}

	/** Block editor: the loader for the live preview, the element list for the controls. */
	public static function editor_assets() {
		self::enqueue_loader();
		self::enqueue_notice_style();
		$data = array(
			'elements' => Fokus_Widgets_Render::elements(),
			'endpoint' => Fokus_Widgets_Settings::get( 'endpoint' ),
		);
		wp_add_inline_script( 'fokus-widgets-editor', 'window.fokusWidgetsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}
}
