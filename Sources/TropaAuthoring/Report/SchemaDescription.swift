import TropaModel
import TropaSource
import TropaAnalysis
import TropaBuild
import Yams

/// The active schema written out for authors: a Markdown overview of accepted headings, or a `schema.yml`
/// that reproduces it exactly, to start a custom schema from.
public enum SchemaDescription {
    public static func markdown(_ schema: LayerSchema) -> String {
        var text = "# Layer schema\n\nEmotion scale: \(schema.scale.lowerBound.compactText) to \(schema.scale.upperBound.compactText)"
        text += " (faces 😡 🙁 😐 🙂 😀 stand for -2 to 2).\n\n"
        text += "Layers, in table order. A `###` heading matches a layer by its id, any title or any alias, "
        text += "ignoring case and a trailing colon. In a list layer with tones, an item may start with `+` or `-`; "
        text += "the items of a list layer with pains, and the negative items, are ranked as pain points.\n\n"
        text += "| id | title | kind | required | tones | pains | aliases |\n|---|---|---|---|---|---|---|\n"
        for layer in schema.layers {
            let list = layer.kind == .list
            let tones = list ? (layer.tones ? "yes" : "no") : "", pains = list ? (layer.pains ? "yes" : "no") : ""
            text += "| \(layer.id) | \(titles(layer.title)) | \(layer.kind.rawValue) | \(layer.required ? "yes" : "no") | "
                + "\(tones) | \(pains) | \(layer.aliases.joined(separator: ", ")) |\n"
        }
        text += "\nMetrics (items `NAME: VALUE` of a metrics layer; other names are custom metrics). "
        text += "The analysis finds conversion, NPS, CSAT and duration by their role:\n\n"
        text += "| id | title | unit | range | role | aliases |\n|---|---|---|---|---|---|\n"
        for metric in schema.metrics {
            let range = metric.effectiveRange.map { "\($0.lowerBound.compactText)..\($0.upperBound.compactText)" } ?? ""
            text += "| \(metric.id) | \(titles(metric.title)) | \(metric.unit.rawValue) | \(range) | "
                + "\(metric.role?.rawValue ?? "") | \(metric.aliases.joined(separator: ", ")) |\n"
        }
        return text
    }

    private static func titles(_ title: LocalizedText) -> String {
        title.values.keys.sorted().map { "\(title.values[$0]!) (\($0))" }.joined(separator: ", ")
    }

    /// A `schema.yml` equal to `schema`: saved as the site's schema, it changes nothing in a build.
    public static func yaml(_ schema: LayerSchema) -> String {
        let layers = schema.layers.map { layer in
            var pairs = [
                ("id", text(layer.id)), ("title", titleNode(layer.title)), ("aliases", list(layer.aliases)),
                ("kind", text(layer.kind.rawValue)), ("required", Node(layer.required ? "true" : "false")),
            ]
            // Only a list layer may say them; saying them there shows where they can be turned on.
            if layer.kind == .list {
                pairs.append(("tones", Node(layer.tones ? "true" : "false")))
                pairs.append(("pains", Node(layer.pains ? "true" : "false")))
            }
            return mapping(pairs)
        }
        let metrics = schema.metrics.map { metric in
            var pairs = [("id", text(metric.id)), ("title", titleNode(metric.title)), ("aliases", list(metric.aliases)),
                         ("unit", text(metric.unit.rawValue))]
            if let range = metric.range { pairs.append(("range", scale(range))) }
            if let role = metric.role { pairs.append(("role", text(role.rawValue))) }
            return mapping(pairs)
        }
        let root = mapping([("scale", scale(schema.scale)), ("layers", Node(layers)), ("metrics", Node(metrics))])
        let body = (try? Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)) ?? ""
        return "# The layer schema of this site. See docs/format.md (\"The layer schema\").\n" + body
    }

    private static func mapping(_ pairs: [(String, Node)]) -> Node {
        Node(pairs.map { (Node($0.0), $0.1) })
    }

    private static func text(_ value: String) -> Node { Node(value, .init(.str)) }

    private static func list(_ values: [String]) -> Node { Node(values.map(text), .implicit, .flow) }

    private static func titleNode(_ title: LocalizedText) -> Node {
        Node(title.values.keys.sorted().map { (Node($0), text(title.values[$0]!)) }, .implicit, .flow)
    }

    private static func scale(_ range: ClosedRange<Double>) -> Node {
        Node([Node(range.lowerBound.compactText), Node(range.upperBound.compactText)], .implicit, .flow)
    }
}
