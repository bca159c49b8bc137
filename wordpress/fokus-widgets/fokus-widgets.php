<?php
/**
 * Plugin Name:       fokus-widgets
 * Description:       Statistik des Kreises Pinneberg und Schleswig-Holsteins als Diagramm, Karte oder Tabelle: Shortcodes und Blöcke für Autorinnen und Autoren, die Bibliothek ist enthalten (kein CDN).
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       fokus-widgets
 *
 * @package fokus-widgets
 */

defined( 'ABSPATH' ) || exit;

define( 'FOKUS_WIDGETS_VERSION', '0.1.0' );
define( 'FOKUS_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-fokus-widgets-render.php';
require_once __DIR__ . '/includes/class-fokus-widgets-settings.php';
require_once __DIR__ . '/includes/class-fokus-widgets.php';

Fokus_Widgets::boot();
