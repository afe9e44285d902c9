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
        var html = ""
        if let text = cell.text {
            html += "<div class=\"text\">" + text + "</div>"
        }
        if let list = cell.list {
            html += "<ul class=\"items\">"
            for item in list.items {
                html += "<li"
                if let tone = item.tone { html += " class=\"" + Markup.escape(tone) + "\"" }
                html += ">"
                if let word = item.toneWord.map(Markup.escape) {
                    html += "<span class=\"tone\" title=\"" + word + "\">" + word + ": </span>"
                }
                if let kind = item.kind { html += "<span class=\"badge kind\">" + Markup.escape(kind) + "</span> " }
                html += item.html
                if let owner = item.owner { html += " <span class=\"badge owner\">" + Markup.escape(owner) + "</span>" }
                html += "</li>"
            }
            html += "</ul>"
        }
        if let emotions = cell.emotions {
            html += "<ul class=\"emotions\">"
            for point in emotions.items {
                html += "<li>" + FaceSVG.markup(point.mood) + " <span class=\"score\">" + Markup.escape(point.score)
                    + "</span>"
                if let label = point.label { html += " <span class=\"label\">" + Markup.escape(label) + "</span>" }
                html += "</li>"
            }
            html += "</ul>"
        }
        if let metrics = cell.metrics {
            html += "<dl class=\"metrics\">"
            for metric in metrics.items {
                html += (metric.missed == nil ? "<div>" : "<div class=\"missed\">") + "<dt>" + Markup.escape(metric.name)
                    + "</dt><dd>" + Markup.escape(metric.value)
                if let target = metric.target {
                    html += " <span class=\"target\">(" + Markup.escape(target)
                        + (metric.missed.map { ", " + Markup.escape($0) } ?? "") + ")</span>"
                }
                html += "</dd></div>"
            }
            html += "</dl>"
        }
        return html
    }

    /// One map's card, without the line break the partial's file ends with. A site of 10,000 maps prints each
    /// card on the catalogue and on every tag, segment and product page that lists it: through the interpreter the
    /// cards were most of an update's time.
    package static func card(_ card: MapCardModel) -> String {
        let words = card.words
        var html = "<li class=\"card\">\n<a class=\"card-link\" href=\"" + Markup.escape(card.url) + "\">"
            + Markup.escape(card.title) + "</a>"
        if card.draft { html += " <span class=\"badge draft\">" + Markup.escape(words["draft"]) + "</span>" }
        if let priority = card.priority { html += " <span class=\"badge priority\">" + Markup.escape(priority) + "</span>" }
        html += "\n"
        if let curve = card.curve {
            html += "<div class=\"sparkline\">" + curve.sparkline(label: card.sparklineLabel) + "</div>"
        }
        html += "\n<p class=\"card-facts\">"
        if let context = card.context { html += "<span>" + Markup.escape(context) + "</span> · " }
        if let persona = card.persona { html += "<span>" + Markup.escape(persona) + "</span> · " }
        html += "<span>" + Markup.escape(card.stages) + "</span>"
        if let updated = card.updated {
            html += " · <span>" + Markup.escape(words["updated"]) + " <time datetime=\""
                + Markup.escape(card.updatedISO ?? "") + "\">" + Markup.escape(updated) + "</time></span>"
        }
        html += "</p>\n<dl class=\"card-figures\">"
        for (word, value) in [("getThrough", card.reach), ("weakestStage", card.weakestStage),
                              ("averageNPS", card.averageNPS)] {
            guard let value else { continue }
            html += "<div><dt>" + Markup.escape(words[word]) + "</dt><dd>" + Markup.escape(value) + "</dd></div>"
        }
        html += "</dl>\n"
        if !card.tags.isEmpty {
            html += "<ul class=\"tags\">"
            for tag in card.tags {
                html += "<li><a href=\"" + Markup.escape(tag.url) + "\">" + Markup.escape(tag.title) + "</a></li>"
            }
            html += "</ul>"
        }
        return html + "\n</li>"
    }

    /// One owner's actions on the plan, without the line break the partial's file ends with: a plan of 10,000 maps
    /// holds 100,000 of them.
    package static func planItems(_ owner: PlanOwnerModel) -> String {
        let words = owner.words
        var html = "<ol class=\"plan-items\"" + (owner.start.map { " start=\"" + Markup.escape($0) + "\"" } ?? "") + ">\n"
        for item in owner.items {
            html += "<li><div class=\"action\">" + item.html + "</div><p class=\"where\"><a href=\"" + Markup.escape(item.url)
                + "\">" + Markup.escape(item.map) + "</a> · " + Markup.escape(item.stage)
            if let conversion = item.conversion {
                html += " · " + Markup.escape(words["conversionHeading"]) + "&nbsp;" + Markup.escape(conversion)
            }
            // A figure stays on its label's line.
            if let emotion = item.emotion { html += " · " + Markup.escape(words["emotion"]) + "&nbsp;" + Markup.escape(emotion) }
            html += "</p></li>\n"
        }
        return html + "</ol>"
    }

    /// The evaluation's section of a map page, without the line break the partial's file ends with: its readings
    /// and pain points are dozens of lookups a page, which the interpreter made a fifth of a build's time.
    package static func analysis(_ model: AnalysisModel) -> String {
        let headings = model.headings
        var html = "<section class=\"analysis\" aria-labelledby=\"analysis-heading\">\n<h2 id=\"analysis-heading\">"
            + Markup.escape(headings.analysis) + "</h2>\n"
        if let measured = model.measuredOn { html += "<p class=\"measured\">" + Markup.escape(measured) + "</p>\n" }
        if let svg = model.funnelSVG {
            html += "<div class=\"chart funnel\"><h3>" + Markup.escape(headings.funnel) + "</h3>\n" + svg + "</div>"
        }
        html += "\n"
        if let svg = model.quadrantSVG {
            html += "<div class=\"chart quadrant\"><h3>" + Markup.escape(headings.quadrant) + "</h3>\n<p class=\"note\">"
                + Markup.escape(headings.quadrantNote) + "</p>\n" + svg + "<ol class=\"readings\">"
            for reading in model.readings {
                html += "<li value=\"\(reading.number)\" class=\"" + Markup.escape(reading.quadrant) + "\"><strong>"
                    + Markup.escape(reading.stage) + "</strong> (" + Markup.escape(reading.figures) + "): "
                    + Markup.escape(reading.reading) + "</li>"
            }
            html += "</ol></div>"
        }
        html += "\n"
        if !model.pains.isEmpty {
            html += "<div class=\"pains\"><h3>" + Markup.escape(headings.pains) + "</h3>\n<ol>"
            for pain in model.pains {
                html += "<li>" + pain.html + " <span class=\"pain-stage\">— " + Markup.escape(pain.stage) + "</span></li>"
            }
            html += "</ol></div>"
        }
        html += "\n"
        if let svg = model.timelineSVG {
            html += "<div class=\"chart timeline\"><h3>" + Markup.escape(headings.timeline) + "</h3>\n" + svg
            if let total = model.total { html += "<p class=\"total\">" + Markup.escape(total) + "</p>" }
            html += "</div>"
        }
        return html + "\n</section>"
    }

    /// A node of the outline and everything under it, without the line break the partial's file ends with. Made
    /// as bytes, as the outline files are (`OutlineXML`).
    package static func outlineNode(_ node: OutlineNode) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(16 * 1024)
        appendOutlineNode(node, to: &html)
        return String(decoding: html, as: UTF8.self)
    }

    private static func appendOutlineNode(_ node: OutlineNode, to html: inout [UInt8]) {
        guard !node.children.isEmpty else {
            html += "<span>".utf8
            Markup.appendEscaped(node.text, to: &html)
            html += "</span>".utf8
            return
        }
        html += "<details open><summary>".utf8
        Markup.appendEscaped(node.text, to: &html)
        html += "</summary><ul>".utf8
        for child in node.children {
            html += "<li>".utf8
            appendOutlineNode(child, to: &html)
            // The partial renders itself for each child, and its file's closing line break comes with it.
            html += "\n</li>".utf8
        }
        html += "</ul></details>".utf8
    }
}
