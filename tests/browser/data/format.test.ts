import { expect } from '@open-wc/testing';
import { numberFormat, formatValue, formatDate, statusLabel, localText } from '../../../src/data/format.js';
import { STATUS_SYMBOLS } from '../../../src/data/schema.js';
import { describe, it } from '../helpers.js';

describe('numberFormat', () => {
  it('formats with exactly the given decimals and is shared per locale and decimals', () => {
    expect(numberFormat('de-DE', 1).format(9.35)).to.equal('9,4');
    expect(numberFormat('de-DE', 2).format(1234.5)).to.equal('1.234,50');
    expect(numberFormat('en-GB', 0).format(1234.5)).to.equal('1,235');
    expect(numberFormat('de-DE', 1)).to.equal(numberFormat('de-DE', 1));
    expect(numberFormat('de-DE', 1)).not.to.equal(numberFormat('de-DE', 2));
    expect(numberFormat('de-DE', 1)).not.to.equal(numberFormat('en-GB', 1));
  });
});

describe('formatValue', () => {
  it('formats plain numbers in the locale', () => {
    expect(formatValue(9.4, '', 1, 'de-DE')).to.equal('9,4');
    expect(formatValue(9.4, undefined, 1, 'en-GB')).to.equal('9.4');
    expect(formatValue(-0.25, '', 2, 'de-DE')).to.equal('-0,25');
  });

  it('appends p, r, s and puts limited validity in parentheses', () => {
    expect(formatValue(9.4, 'p', 1, 'de-DE')).to.equal('9,4 p');
    expect(formatValue(9.4, 'r', 1, 'de-DE')).to.equal('9,4 r');
    expect(formatValue(9.4, 's', 1, 'en-GB')).to.equal('9.4 s');
    expect(formatValue(9.4, '()', 1, 'de-DE')).to.equal('(9,4)');
  });

  it('shows the bare symbol for missing values, even when a number slipped through', () => {
    expect(formatValue(null, '.', 1, 'de-DE')).to.equal('.');
    expect(formatValue(12, '/', 1, 'de-DE')).to.equal('/');
    expect(formatValue(null, 'x', 1, 'de-DE')).to.equal('x');
    expect(formatValue(null, '...', 1, 'de-DE')).to.equal('...');
  });

  it('shows "-" for nothing and "." for a value without number or symbol', () => {
    expect(formatValue(0, '-', 1, 'de-DE')).to.equal('-');
    expect(formatValue(null, '-', 1, 'de-DE')).to.equal('-');
    expect(formatValue(null, '', 1, 'de-DE')).to.equal('keine Angabe'); // not covered, not secret
    expect(formatValue(null, '', 1, 'en-GB')).to.equal('no data');
    expect(formatValue(0, '', 1, 'de-DE')).to.equal('0,0');
  });
});

describe('statusLabel and localText', () => {
  it('gives the official legend for every symbol in German and English', () => {
    expect(statusLabel('.', 'de')).to.equal('Zahlenwert unbekannt oder geheim zu halten');
    expect(statusLabel('.', 'en')).to.equal('unknown or confidential');
    expect(statusLabel('-', 'de')).to.equal('nichts vorhanden');
    expect(statusLabel('/', 'de')).to.equal('keine Angabe, da Zahlenwert nicht sicher genug');
    expect(statusLabel('x', 'de')).to.equal('Tabellenfach gesperrt, weil Aussage nicht sinnvoll');
    expect(statusLabel('...', 'de')).to.equal('Angabe fällt später an');
    expect(statusLabel('()', 'de')).to.equal('Aussagewert eingeschränkt');
    expect(statusLabel('p', 'de')).to.equal('vorläufige Zahl');
    expect(statusLabel('r', 'de')).to.equal('berichtigte Zahl');
    expect(statusLabel('s', 'de')).to.equal('geschätzte Zahl');
    expect(statusLabel('p', 'en-GB')).to.equal('provisional figure');
    expect(statusLabel('', 'de')).to.equal('');
    for (const symbol of STATUS_SYMBOLS) {
      expect(statusLabel(symbol, 'en'), symbol).to.be.a('string').and.not.equal('');
      expect(statusLabel(symbol, 'en'), symbol).not.to.equal(statusLabel(symbol, 'de'));
    }
  });

  it('picks English when asked for and present, else German', () => {
    expect(localText({ de: 'Geburtenrate', en: 'Birth rate' }, 'en')).to.equal('Birth rate');
    expect(localText({ de: 'Geburtenrate', en: 'Birth rate' }, 'de')).to.equal('Geburtenrate');
    expect(localText({ de: 'Amt' }, 'en')).to.equal('Amt');
    expect(localText({ de: 'Amt', en: '' }, 'en')).to.equal('Amt');
    expect(localText(undefined, 'de')).to.equal('');
  });
});

describe('formatDate', () => {
  it('writes an ISO date in the locale format ("Datenstand" in German text)', () => {
    expect(formatDate('2017-10-10', 'de')).to.equal('10.10.2017');
    expect(formatDate('2017-10-10', 'en')).to.equal('Oct 10, 2017');
    expect(formatDate('Herbst 2017', 'de')).to.equal('Herbst 2017');
  });
});
