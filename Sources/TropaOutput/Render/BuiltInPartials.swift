import TropaModel
import TropaAnalysis

/// The markup of the built-in `cell`, `outline-node`, `analysis`, `card` and `plan-items` partials, made in code.
/// They are most of the tokens a build prints (63 cells and about 200 outline nodes in a 7 × 9 map; a card per map on
/// each list that shows it; every action on the plan), and a Mustache lookup costs microseconds (each one casts its
/// value to several protocols), so rendering them through templates took most of a build's CPU. The built-in
/// partials print this markup as `{{{html}}}`; a site that overrides them gets the same fields as before, and
/// `docs/templates/` holds the Mustache text that renders the same bytes, to start an override from.
package enum BuiltInPartials {
    /// One table cell, without the line break the partial's file ends with.
    package static func cell(_ cell: CellModel) -> String {
        var html = HTMLBytes(capacity: 1024)
        appendCell(cell, to: &html)
        return html.string
    }

    static func appendCell(_ cell: CellModel, to html: inout HTMLBytes) {
        if let text = cell.text {
            html.add("<div class=\"text\">"); html.add(text); html.add("</div>")
        }
        if let list = cell.list {
            html.add("<ul class=\"items\">")
            for item in list.items {
                html.add("<li")
                if let tone = item.tone { html.add(" class=\"", text: tone, "\"") }
                html.add(">")
                if let word = item.toneWord {
                    html.add("<span class=\"tone\" title=\"", text: word, "\">")
                    html.add(text: word); html.add(": </span>")
                }
                if let kind = item.kind { html.add("<span class=\"badge kind\">", text: kind, "</span> ") }
                html.add(item.html)
                if let owner = item.owner { html.add(" <span class=\"badge owner\">", text: owner, "</span>") }
                html.add("</li>")
            }
            html.add("</ul>")
        }
        if let emotions = cell.emotions {
            html.add("<ul class=\"emotions\">")
            for point in emotions.items {
                html.add("<li>")
                html.add(FaceSVG.markup(point.mood))
                html.add(" <span class=\"score\">", text: point.score, "</span>")
                if let label = point.label { html.add(" <span class=\"label\">", text: label, "</span>") }
                html.add("</li>")
            }
            html.add("</ul>")
        }
        if let metrics = cell.metrics {
            html.add("<dl class=\"metrics\">")
            for metric in metrics.items {
                html.add(metric.missed == nil ? "<div><dt>" : "<div class=\"missed\"><dt>")
                html.add(text: metric.name)
                html.add("</dt><dd>")
                html.add(text: metric.value)
                if let measured = metric.measured { html.add(" <span class=\"measured\">", text: measured, "</span>") }
                if let target = metric.target {
                    html.add(" <span class=\"target\">(")
                    html.add(text: target)
                    if let missed = metric.missed { html.add(", "); html.add(text: missed) }
                    html.add(")</span>")
                }
                html.add("</dd></div>")
            }
            html.add("</dl>")
        }
    }

    /// One map's card, without the line break the partial's file ends with. A site of 10,000 maps prints each
    /// card on the catalogue and on every tag, segment and product page that lists it: through the interpreter the
    /// cards were most of an update's time.
    package static func card(_ card: MapCardModel) -> String { String(decoding: cardBytes(card), as: UTF8.self) }

    /// The card's bytes, as pages print them (not made into a string and back).
    package static func cardBytes(_ card: MapCardModel) -> [UInt8] {
        let words = card.words
        var html = HTMLBytes(capacity: 2048)
        html.add("<li class=\"card\">\n<a class=\"card-link\" href=\"", text: card.url, "\">")
        html.add(text: card.title)
        html.add("</a>")
        if card.draft { html.add(" <span class=\"badge draft\">", text: words["draft"], "</span>") }
        if let priority = card.priority { html.add(" <span class=\"badge priority\">", text: priority, "</span>") }
        html.add("\n")
        if let sparkline = card.sparkline {
            html.add("<div class=\"sparkline\">"); html.add(sparkline()); html.add("</div>")
        }
        html.add("\n<p class=\"card-facts\">")
        if let context = card.context { html.add("<span>", text: context, "</span> · ") }
        if let persona = card.persona { html.add("<span>", text: persona, "</span> · ") }
        html.add("<span>", text: card.stages, "</span>")
        if let updated = card.updated {
            html.add(" · <span>", text: words["updated"], " <time datetime=\"")
            html.add(text: card.updatedISO ?? "")
            html.add("\">", text: updated, "</time></span>")
        }
        html.add("</p>\n<dl class=\"card-figures\">")
        for (word, value) in [("getThrough", card.reach), ("weakestStage", card.weakestStage),
                              ("averageNPS", card.averageNPS)] {
            guard let value else { continue }
            html.add("<div><dt>", text: words[word], "</dt><dd>")
            html.add(text: value)
            html.add("</dd></div>")
        }
        html.add("</dl>\n")
        if !card.tags.isEmpty {
            html.add("<ul class=\"tags\">")
            for tag in card.tags {
                html.add("<li><a href=\"", text: tag.url, "\">")
                html.add(text: tag.title)
                html.add("</a></li>")
            }
            html.add("</ul>")
        }
        html.add("\n</li>")
        return html.bytes
    }

    /// One owner's actions on the plan, without the line break the partial's file ends with: a plan of 10,000 maps
    /// holds 100,000 of them.
    package static func planItems(_ owner: PlanOwnerModel) -> String {
        let words = owner.words
        var html = HTMLBytes(capacity: 512 * owner.items.count + 64)
        html.add("<ol class=\"plan-items\"")
        if let start = owner.start { html.add(" start=\"", text: start, "\"") }
        html.add(">\n")
        for item in owner.items { planItem(item, words: words, to: &html) }
        html.add("</ol>")
        return html.string
    }

    /// An item of `plan-items`, with its line break: `PlanReprint` finds the items of a printed page by its ends.
    static func planItem(_ item: PlanItemModel, words: ThemeWords, to html: inout HTMLBytes) {
        html.add("<li><div class=\"action\">")
        html.add(item.html)
        html.add("</div><p class=\"where\"><a href=\"", text: item.url, "\">")
        html.add(text: item.map)
        html.add("</a> · ")
        html.add(text: item.stage)
        if let conversion = item.conversion {
            html.add(" · ", text: words["conversionHeading"], "&nbsp;")
            html.add(text: conversion)
        }
        // A figure stays on its label's line.
        if let emotion = item.emotion {
            html.add(" · ", text: words["emotion"], "&nbsp;")
            html.add(text: emotion)
        }
        html.add("</p></li>\n")
    }

    /// The evaluation's section of a map page, without the line break the partial's file ends with: its readings
    /// and pain points are dozens of lookups a page, which the interpreter made a fifth of a build's time.
    package static func analysis(_ model: AnalysisModel) -> String {
        var html = HTMLBytes(capacity: 16 * 1024)
        appendAnalysis(model, to: &html)
        return html.string
    }

    static func appendAnalysis(_ model: AnalysisModel, to html: inout HTMLBytes) {
        let headings = model.headings
        html.add("<section class=\"analysis\" aria-labelledby=\"analysis-heading\">\n<h2 id=\"analysis-heading\">",
                 text: headings.analysis, "</h2>\n")
        if let measured = model.measuredOn { html.add("<p class=\"measured\">", text: measured, "</p>\n") }
        if let svg = model.funnelSVG {
            html.add("<div class=\"chart funnel\"><h3>", text: headings.funnel, "</h3>\n")
            html.add(svg)
            html.add("</div>")
        }
        html.add("\n")
        if let svg = model.quadrantSVG {
            html.add("<div class=\"chart quadrant\"><h3>", text: headings.quadrant, "</h3>\n<p class=\"note\">")
            html.add(text: headings.quadrantNote)
            html.add("</p>\n")
            html.add(svg)
            html.add("<ol class=\"readings\">")
            for reading in model.readings {
                html.add("<li value=\"")
                html.add(String(reading.number))
                html.add("\" class=\"", text: reading.quadrant, "\"><strong>")
                html.add(text: reading.stage)
                html.add("</strong> (", text: reading.figures, "): ")
                html.add(text: reading.reading)
                html.add("</li>")
            }
            html.add("</ol></div>")
        }
        html.add("\n")
        if !model.pains.isEmpty {
            html.add("<div class=\"pains\"><h3>", text: headings.pains, "</h3>\n<ol>")
            for pain in model.pains {
                html.add("<li>")
                html.add(pain.html)
                html.add(" <span class=\"pain-stage\">— ", text: pain.stage, "</span></li>")
            }
            html.add("</ol></div>")
        }
        html.add("\n")
        if let svg = model.timelineSVG {
            html.add("<div class=\"chart timeline\"><h3>", text: headings.timeline, "</h3>\n")
            html.add(svg)
            if let total = model.total { html.add("<p class=\"total\">", text: total, "</p>") }
            html.add("</div>")
        }
        html.add("\n</section>")
    }

    /// A node of the outline and everything under it, without the line break the partial's file ends with.
    package static func outlineNode(_ node: OutlineNode) -> String {
        var html = HTMLBytes(capacity: 16 * 1024)
        appendOutlineNode(node, to: &html)
        return html.string
    }

    static func appendOutlineNode(_ node: OutlineNode, to html: inout HTMLBytes) {
        guard !node.children.isEmpty else {
            html.add("<span>", text: node.text, "</span>")
            return
        }
        html.add("<details open><summary>", text: node.text, "</summary><ul>")
        for child in node.children {
            html.add("<li>")
            appendOutlineNode(child, to: &html)
            // The partial renders itself for each child, and its file's closing line break comes with it.
            html.add("\n</li>")
        }
        html.add("</ul></details>")
    }
}

/// Markup made as bytes, its texts escaped straight into them, and made a string once: appended to a string a
/// piece at a time (each `+` a string of its own), the partials' markup was a tenth of a cold build.
struct HTMLBytes: ~Copyable {
    private var writer: ByteWriter

    init(capacity: Int) { writer = ByteWriter(capacity: capacity) }

    /// Markup, as it is.
    mutating func add(_ markup: String) { writer.append(contentsOf: markup) }

    /// Text, escaped.
    mutating func add(text: String) { Markup.appendEscaped(text, to: &writer) }

    /// Text, escaped, between two pieces of markup.
    mutating func add(_ before: String, text: String, _ after: String) {
        add(before)
        add(text: text)
        add(after)
    }

    var bytes: [UInt8] { writer.bytes }

    var string: String { writer.string }

    /// Markup, as it is.
    static func += (html: inout HTMLBytes, markup: String) { html.add(markup) }
}
