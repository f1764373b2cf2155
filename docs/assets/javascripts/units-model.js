/* Leg Length Guide: numbers and units for the browser tools (model only).
 *
 * The one browser copy of macros/model/units.py: reading a typed number (a point or a
 * comma for decimals) and the unit typed after it ("4 cm", "1,5 in"), mm/cm/in conversions, the "did you mean cm?" unit, and the one
 * rounding rule (halves up, as Math.round). planner-model.js, growth-model.js and
 * linkbuilder.js use it;
 * node --test tests/js/ checks it against tests/golden/units.json, which Python writes.
 *
 * A classic script (not an ES module: Chromium refuses module scripts under file://, and
 * the offline copy opens from a folder). No DOM, no storage, no network: it only sets
 * globalThis.LLGUnitsModel.
 */
(function (root) {
  "use strict";

  var MM_PER_INCH = 25.4; // a unit conversion, not a clinical number
  var UNITS = ["mm", "cm", "in"];
  var MM_PER = { mm: 1, cm: 10, "in": MM_PER_INCH };
  var SHOWN_DECIMALS = { mm: 1, cm: 2, "in": 2 };
  var SUGGEST_ORDER = ["cm", "mm", "in"];
  var DECIMAL = /^(\d+([.,]\d*)?|[.,]\d+)$/;

  /* A typed number, a point or a comma for decimals; null when it is not one. */
  function parseDecimal(text) {
    var t = String(text == null ? "" : text).trim();
    if (!DECIMAL.test(t)) return null;
    return Number(t.replace(",", "."));
  }

  /* An amount typed with its unit ("4 cm", "4cm", "1,5 in", '1.5"', "2 inches"):
     {number: the number's text, unit: mm|cm|in}, or {number: trimmed text, unit: null}
     when no unit word ends it after a number (units.py split_unit). words maps each unit
     to the words a person may type (js.units_typed in the strings file); case does not
     matter, the space may be left out, the longest word that fits wins. */
  function splitUnit(text, words) {
    var t = String(text == null ? "" : text).trim();
    var best = null;
    UNITS.forEach(function (unit) {
      var list = (words && Object.prototype.hasOwnProperty.call(words, unit) && words[unit]) || [];
      list.forEach(function (word) {
        var w = String(word).trim();
        if (w && w.length < t.length && t.slice(t.length - w.length).toLowerCase() === w.toLowerCase() &&
            (best === null || w.length > best.length)) {
          best = { length: w.length, unit: unit };
        }
      });
    });
    if (best !== null) {
      var number = t.slice(0, t.length - best.length).trim();
      if (number && "0123456789.,".indexOf(number.charAt(number.length - 1)) >= 0) return { number: number, unit: best.unit };
    }
    return { number: t, unit: null };
  }

  function toMm(value, unit) { return value * MM_PER[unit]; }

  /* mm in unit, rounded for display (halves up, SHOWN_DECIMALS). */
  function fromMm(mm, unit) {
    var f = Math.pow(10, SHOWN_DECIMALS[unit]);
    return Math.floor(mm / MM_PER[unit] * f + 0.5) / f;
  }

  /* For an amount outside low..high (mm) in its unit: the first other unit (cm, mm, in)
     in which the same number is inside; null when it is plausible or none fits. */
  function suggestUnit(value, unit, low, high) {
    var mm = toMm(value, unit);
    if (low <= mm && mm <= high) return null;
    for (var i = 0; i < SUGGEST_ORDER.length; i++) {
      var u = SUGGEST_ORDER[i], x = toMm(value, u);
      if (u !== unit && low <= x && x <= high) return u;
    }
    return null;
  }

  function halfUp(x) { return Math.floor(x + 0.5); }
  function round1(x) { return Math.floor(x * 10 + 0.5) / 10; }
  function num(x) { return String(x); }

  /* "{name}" placeholders filled from values; an unknown placeholder stays as it is. */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  /* ---- numbers and dates in the reader's language (units.py: locale_format and after) ----
     One rule on both sides: the signs and names come from Babel (CLDR) when the page is
     built, in the widget's configuration (fmt = {locale, decimal, group, groupFrom, months,
     monthsShort, weekdays, weekdaysShort}); this script only puts them together, so a
     browser whose Intl writes "Sept" or another group sign shows the page's words. */
  var JS_DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

  /* x for a reader: String(x) with the locale's decimal sign, the whole part grouped by
     threes from fmt.groupFrom ("0,75", "12 345,5"); without fmt, String(x). */
  function numberText(x, fmt) {
    var text = String(x), m = JS_DECIMAL_TEXT.exec(text);
    if (!fmt || !m) return text;
    var whole = m[2];
    if (Number(whole) >= fmt.groupFrom) {
      var head = whole.length % 3 || 3, parts = [whole.slice(0, head)];
      for (var i = head; i < whole.length; i += 3) parts.push(whole.slice(i, i + 3));
      whole = parts.join(fmt.group);
    }
    return m[1] + whole + (m[3] ? fmt.decimal + m[3] : "");
  }

  /* A date's parts in words (a Date or UTC milliseconds): weekday, day, month, year. */
  function dateParts(date, fmt, long) {
    var d = new Date(typeof date === "number" ? date : date.getTime());
    return { weekday: (long ? fmt.weekdays : fmt.weekdaysShort)[d.getUTCDay()], day: String(d.getUTCDate()),
             month: (long ? fmt.months : fmt.monthsShort)[d.getUTCMonth()], year: String(d.getUTCFullYear()) };
  }

  /* "3 Sept 2027", "3 sep. 2027", "1 mars 2027". */
  function shortDate(date, fmt) {
    var p = dateParts(date, fmt, false);
    return p.day + " " + p.month + " " + p.year;
  }

  /* The CLDR plural category of n ("one", "other") in the format's locale. */
  function pluralForm(n, fmt) {
    try {
      return new Intl.PluralRules(fmt && fmt.locale ? fmt.locale : "en").select(Math.abs(n));
    } catch (err) {
      return Math.abs(n) === 1 ? "one" : "other";
    }
  }

  /* A typed number as a link carries it, the same in every language: "4,5" -> "4.5";
     text that is not a number is kept as typed (trimmed), for the page to refuse. */
  function linkNumber(text) {
    var t = String(text == null ? "" : text).trim();
    return parseDecimal(t) === null ? t : t.replace(",", ".");
  }

  root.LLGUnitsModel = Object.freeze({
    MM_PER_INCH: MM_PER_INCH, UNITS: UNITS, MM_PER: MM_PER, SHOWN_DECIMALS: SHOWN_DECIMALS,
    parseDecimal: parseDecimal, splitUnit: splitUnit, toMm: toMm, fromMm: fromMm, suggestUnit: suggestUnit,
    halfUp: halfUp, round1: round1, num: num, fill: fill,
    linkNumber: linkNumber, numberText: numberText, dateParts: dateParts, shortDate: shortDate, pluralForm: pluralForm
  });
})(globalThis);
