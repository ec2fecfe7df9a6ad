// The guide's search prelude (engine/search.py puts it in front of Material's search worker, in one
// file: the page loads no more than before). It rewrites each query before Material's worker sees
// it, with what engine/search.py added to search_index.json (config.guide):
//
// - synonyms: a word readers use becomes the guide's term (期物 -> Future, 回呼 -> 回调);
// - Chinese segmentation: each run of Han characters is cut into words of the index itself (the
//   tokens jieba made at build time, glossary terms included): the cut with the fewest pieces,
//   longer pieces first on a tie. Material's own cutter (which skips the last characters of a
//   run) is turned off by answering "not in the index" to its probes;
// - exact words first: each word is also asked for exactly, boosted, so 事件循环 ranks the pages
//   that say 事件循环 above those that only say 事件循环策略 (Material adds a wildcard to every
//   word);
// - phrases: the teaching sections also hold each term of several words as one token
//   (_event_loop, _task_group, from "event loop" and "TaskGroup"; the leading _ keeps the
//   wildcard of "task*" off them); words of the query that form
//   such a token are asked for as that token too, so "event loop" is found where it is taught,
//   not where "event" is. These tokens are taken out of the "missing" words Material lists
//   under a result.
//
// Messages (Material's protocol): {type: 0, data: index} sets up, {type: 2, data: query} asks.
(() => {
  "use strict";
  const SETUP = 0;
  const QUERY = 2;
  const RESULT = 3;
  const HAN = /\p{sc=Han}+/gu;
  const MAX_WORD = 16; // longest word looked up, in characters
  let words = null; // Set of the index's terms (lower case)
  let synonyms = []; // [RegExp, replacement], longest first
  let separator = /\s+/; // the index's word separator (config.separator)
  const phrases = new Set(); // phrase tokens this worker has added to queries

  function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function setUp(config) {
    const guide = config.guide || {};
    separator = new RegExp(config.separator);
    synonyms = Object.entries(guide.synonyms || {})
      .sort(([a], [b]) => b.length - a.length)
      .map(([from, to]) => {
        // Latin words match whole words only; Han words match anywhere.
        const edge = /^[\x00-\x7f]+$/.test(from) ? "\\b" : "";
        return [new RegExp(edge + escape(from) + edge, "giu"), ` ${to} `];
      });
    // Keep the index's term list, and stop Material's segmenter (it asks `term in invertedIndex`).
    const lunr = self.lunr;
    if (lunr.Builder.prototype.build.guide) return; // set up once
    const build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      const index = build.call(this);
      words = new Set(Object.keys(index.invertedIndex));
      index.invertedIndex = new Proxy(index.invertedIndex, { has: () => false });
      return index;
    };
    lunr.Builder.prototype.build.guide = true;
  }

  // The cut of a Han run into index words with the fewest pieces (unknown characters stand
  // alone and cost two, so a known word is preferred to them).
  function cut(run) {
    const n = run.length;
    const best = new Array(n + 1).fill(Infinity);
    const from = new Array(n + 1).fill(0);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === Infinity) continue;
      for (let j = Math.min(n, i + MAX_WORD); j > i; j--) {
        const known = words.has(run.slice(i, j).toLowerCase());
        if (!known && j > i + 1) continue;
        const cost = best[i] + (known ? 1 : 2);
        if (cost < best[j]) {
          best[j] = cost;
          from[j] = i;
        }
      }
    }
    const pieces = [];
    for (let j = n; j > 0; j = from[j]) pieces.unshift(run.slice(from[j], j));
    return pieces;
  }

  function rewrite(query) {
    if (/(^|\s)[+-]|["~^:*]/.test(query)) return query; // the reader writes Lunr syntax: leave it
    for (const [pattern, to] of synonyms) query = query.replace(pattern, to);
    if (words === null) return query;
    query = query.replace(HAN, run => ` ${cut(run).join(" ")} `);
    const terms = query.split(/\s+/).filter(Boolean);
    // Each word once with a wildcard (Material adds it) and once exactly, boosted.
    const out = [...new Set(terms)].map(term => `${term}^10 ${term}`);
    // Runs of two to four words that the index holds as one phrase token.
    const parts = query.split(separator).filter(Boolean).map(part => part.toLowerCase());
    for (let i = 0; i < parts.length; i++)
      for (let n = 2; n <= 4 && i + n <= parts.length; n++) {
        const phrase = "_" + parts.slice(i, i + n).join("_");
        if (words.has(phrase)) {
          phrases.add(phrase);
          out.push(`${phrase}^30`);
        }
      }
    return out.join(" ");
  }

  // Results: the phrase tokens are ours, not the reader's: never list them as missing.
  const post = self.postMessage.bind(self);
  self.postMessage = message => {
    if (message && message.type === RESULT && message.data && message.data.items)
      for (const group of message.data.items)
        for (const item of group)
          for (const phrase of phrases) if (item.terms) delete item.terms[phrase];
    post(message);
  };

  addEventListener("message", event => {
    const message = event.data;
    if (message && message.type === SETUP) setUp(message.data.config);
    else if (message && message.type === QUERY && typeof message.data === "string")
      message.data = rewrite(message.data);
  });
})();
