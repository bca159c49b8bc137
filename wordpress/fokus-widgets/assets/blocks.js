/**
 * Blocks of fokus-widgets, plain JavaScript on the editor's globals (wp.blocks, wp.element,
 * wp.blockEditor, wp.components, wp.serverSideRender): no build step, WordPress 6.1 and later.
 *
 * One block per element, with the element's attributes (from window.fokusWidgetsEditor,
 * generated from custom-elements.json). The preview is the server's rendering of the block,
 * i.e. the real element with data (the loader is enqueued in the editor), or the error box
 * that the published page would show. A pasted shortcode becomes the block; attributes the
 * element does not know are kept in `fokusUnknown`, so the preview names them.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !wp.blocks || !config) return;
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var be = wp.blockEditor;
  var c = wp.components;
  var ServerSideRender = wp.serverSideRender;

  function control(name, spec, value, set) {
    var help = spec.description || undefined;
    if (spec.type === 'boolean') {
      return el(c.ToggleControl, { key: name, label: name, help: help, checked: !!value, onChange: function (v) { set(name, v); } });
    }
    if (spec.values && spec.values.length) {
      var options = [{ label: '–', value: '' }].concat(spec.values.map(function (v) { return { label: v, value: v }; }));
      return el(c.SelectControl, { key: name, label: name, help: help, value: value || '', options: options, onChange: function (v) { set(name, v); } });
    }
    return el(c.TextControl, {
      key: name,
      label: name,
      help: name === 'endpoint' && config.endpoint ? help + ' (Standard: ' + config.endpoint + ')' : help,
      value: value || '',
      onChange: function (v) { set(name, v); },
    });
  }

  Object.keys(config.elements).forEach(function (tag) {
    var element = config.elements[tag];
    var names = Object.keys(element.attributes);
    var blockName = 'fokus-widgets/' + tag;
    var attributes = { fokusUnknown: { type: 'string' } };
    names.forEach(function (n) {
      attributes[n] = { type: element.attributes[n].type === 'boolean' ? 'boolean' : 'string' };
    });

    var shortcodeAttributes = { fokusUnknown: { type: 'string', shortcode: function (s) {
      var named = (s && s.named) || {};
      var numeric = (s && s.numeric) || [];
      return Object.keys(named).concat(numeric).filter(function (n) { return names.indexOf(n) < 0; }).join(',');
    } } };
    names.forEach(function (n) {
      var isBool = element.attributes[n].type === 'boolean';
      shortcodeAttributes[n] = {
        type: isBool ? 'boolean' : 'string',
        shortcode: function (s) {
          var named = (s && s.named) || {};
          var numeric = (s && s.numeric) || [];
          if (isBool) return n in named ? !/^(false|0|no|off|nein)$/i.test(named[n]) : numeric.indexOf(n) >= 0 ? true : undefined;
          return named[n];
        },
      };
    });

    wp.blocks.registerBlockType(blockName, {
      apiVersion: 2,
      title: tag,
      description: element.description,
      category: 'widgets',
      icon: 'chart-area',
      attributes: attributes,
      supports: { html: false, className: false, customClassName: false },
      transforms: { from: [{ type: 'shortcode', tag: tag, attributes: shortcodeAttributes }] },
      edit: function (props) {
        var set = function (name, value) {
          var next = {};
          next[name] = value === '' ? undefined : value;
          props.setAttributes(next);
        };
        var blockProps = be.useBlockProps ? be.useBlockProps() : {};
        return el(
          Fragment,
          null,
          el(be.InspectorControls, null, el(c.PanelBody, { title: tag, initialOpen: true },
            names.map(function (n) { return control(n, element.attributes[n], props.attributes[n], set); }))),
          el('div', blockProps, el(ServerSideRender, { block: blockName, attributes: props.attributes }))
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp, window.fokusWidgetsEditor);
