import TropaModel
import TropaAnalysis

/// The markup of the built-in `cell` and `outline-node` partials, made in code. They are most of a map page's
/// tokens (63 cells and about 200 outline nodes in a 7 × 9 map), and a Mustache lookup costs microseconds (each
/// one casts its value to several protocols), so rendering them through templates took two thirds of a build's
/// CPU. The built-in partials print this markup as `{{{html}}}`; a site that overrides them gets the same fields
/// as before, and `docs/templates/` holds the Mustache text that renders the same bytes, to start an override from.
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
                html += item.html + "</li>"
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

    /// A node of the outline and everything under it, without the line break the partial's file ends with.
    package static func outlineNode(_ node: OutlineNode) -> String {
        var html = ""
        appendOutlineNode(node, to: &html)
        return html
    }

    private static func appendOutlineNode(_ node: OutlineNode, to html: inout String) {
        guard !node.children.isEmpty else {
            html += "<span>" + Markup.escape(node.text) + "</span>"
            return
        }
        html += "<details open><summary>" + Markup.escape(node.text) + "</summary><ul>"
        for child in node.children {
            html += "<li>"
            appendOutlineNode(child, to: &html)
            // The partial renders itself for each child, and its file's closing line break comes with it.
            html += "\n</li>"
        }
        html += "</ul></details>"
    }
}
