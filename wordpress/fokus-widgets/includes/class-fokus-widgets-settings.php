<?php
/**
 * Settings page (Settings → fokus-widgets): the default data endpoint and the choice
 * between the bundled library and an external copy. Uses the Settings API, so saving goes
 * through options.php, which checks the `manage_options` capability and the nonce of
 * settings_fields(); the page itself checks the capability before it shows anything.
 *
 * @package fokus-widgets
 */

defined( 'ABSPATH' ) || exit;

/** Settings. */
final class Fokus_Widgets_Settings {

	const OPTION = 'fokus_widgets_options';
	const GROUP  = 'fokus_widgets';
	const PAGE   = 'fokus-widgets';

	/** Default values. */
	const DEFAULTS = array(
		'endpoint'    => '',
		'library'     => 'bundled',
		'library_url' => '',
	);

	/** Hooks. */
	public static function boot() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
	}

	/**
	 * One setting.
	 *
	 * @param string $key endpoint, library or library_url.
	 */
	public static function get( $key ) {
		$options = get_option( self::OPTION, array() );
		$options = is_array( $options ) ? array_merge( self::DEFAULTS, $options ) : self::DEFAULTS;
		return isset( $options[ $key ] ) ? (string) $options[ $key ] : '';
	}

	/** Registers the option with its sanitizer. */
	public static function register() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::DEFAULTS,
			)
		);
	}

	/**
	 * Keeps only clean values: URLs must be http(s) or site-relative, `library` one of two.
	 *
	 * @param mixed $input Submitted values.
	 * @return array
	 */
	public static function sanitize( $input ) {
		$input = is_array( $input ) ? $input : array();
		$out   = self::DEFAULTS;
		foreach ( array( 'endpoint', 'library_url' ) as $key ) {
			$value = isset( $input[ $key ] ) ? trim( sanitize_text_field( wp_unslash( $input[ $key ] ) ) ) : '';
			if ( '' === $value ) {
				continue;
			}
			if ( ! Fokus_Widgets_Render::is_safe_url( $value ) ) {
				add_settings_error( self::OPTION, 'fokus-' . $key, sprintf( 'Die Adresse „%s“ wurde nicht gespeichert: nur http://, https:// oder eine Adresse dieser Website.', $value ) );
				continue;
			}
			$out[ $key ] = esc_url_raw( $value, array( 'http', 'https' ) );
			if ( '' === $out[ $key ] ) {
				$out[ $key ] = $value; // Site-relative path such as /daten/.
			}
		}
		if ( '' !== $out['endpoint'] && '/' !== substr( $out['endpoint'], -1 ) ) {
			$out['endpoint'] .= '/';
		}
		$out['library'] = isset( $input['library'] ) && 'external' === $input['library'] && '' !== $out['library_url'] ? 'external' : 'bundled';
		return $out;
	}

	/** Settings → fokus-widgets. */
	public static function menu() {
		add_options_page( 'fokus-widgets', 'fokus-widgets', 'manage_options', self::PAGE, array( __CLASS__, 'page' ) );
	}

	/** The page. */
	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to access this page.' ), 403 );
		}
		$endpoint = self::get( 'endpoint' );
		$library  = self::get( 'library' );
		$url      = self::get( 'library_url' );
		$bundled  = plugins_url( 'lib/fokus-widgets.js', FOKUS_WIDGETS_FILE );
		?>
		<div class="wrap">
			<h1>fokus-widgets</h1>
			<?php settings_errors( self::OPTION ); ?>
			<form method="post" action="options.php">
				<?php settings_fields( self::GROUP ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="fokus-endpoint">Datenquelle (Endpunkt)</label></th>
						<td>
							<input type="url" class="regular-text code" id="fokus-endpoint" name="<?php echo esc_attr( self::OPTION ); ?>[endpoint]" value="<?php echo esc_attr( $endpoint ); ?>" placeholder="https://daten.example.org/fokus/" />
							<p class="description">Gilt für jedes Widget ohne eigenes Attribut <code>endpoint</code>. Leer: <code>/data/</code> auf dieser Website.</p>
						</td>
					</tr>
					<tr>
						<th scope="row">Bibliothek</th>
						<td>
							<fieldset>
								<label><input type="radio" name="<?php echo esc_attr( self::OPTION ); ?>[library]" value="bundled" <?php checked( 'bundled', $library ); ?> /> Mitgelieferte Bibliothek (<code><?php echo esc_html( $bundled ); ?></code>)</label><br />
								<label><input type="radio" name="<?php echo esc_attr( self::OPTION ); ?>[library]" value="external" <?php checked( 'external', $library ); ?> /> Externe Kopie:</label>
								<input type="url" class="regular-text code" id="fokus-library-url" aria-label="Adresse der externen Bibliothek" name="<?php echo esc_attr( self::OPTION ); ?>[library_url]" value="<?php echo esc_attr( $url ); ?>" placeholder="https://www.example.org/fokus/fokus-widgets.js" />
							</fieldset>
						</td>
					</tr>
				</table>
				<?php submit_button(); ?>
			</form>
		</div>
		<?php
	}
}
