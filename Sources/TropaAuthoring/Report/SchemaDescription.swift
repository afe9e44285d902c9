import TropaModel
import TropaSource
import TropaAnalysis
import TropaBuild
import Yams

/// The active schema written out for authors: a Markdown overview of accepted headings, or a `schema.yml`
/// that reproduces it exactly, to start a custom schema from.
public enum SchemaDescription {
    /// The overview, its prose in `language`; ids, kinds, units and roles are what a schema.yml says.
    public static func markdown(_ schema: LayerSchema, language: Language = .en) -> String {
        let say = { (message: Message) in message.text(in: language) }
        let yesNo = { (flag: Bool) in say(flag ? .yes : .no) }
        var text = say(.schemaTitle) + "\n\n"
        text += say(.schemaScale(low: schema.scale.lowerBound.compactText, high: schema.scale.upperBound.compactText))
        text += "\n\n" + say(.schemaLayers) + "\n\n"
        text += say(.schemaLayerColumns) + "\n|---|---|---|---|---|---|---|---|\n"
        for layer in schema.layers {
            let list = layer.kind == .list
            let tones = list ? yesNo(layer.tones) : "", pains = list ? yesNo(layer.pains) : ""
            // A plan layer's kinds and owners, when the schema lists them, stand for its "yes".
            let listed = [layer.kinds.joined(separator: ", "), layer.owners.map { "@" + $0 }.joined(separator: ", ")]
                .filter { !$0.isEmpty }
            let plan = !list ? "" : listed.isEmpty ? yesNo(layer.plan) : listed.joined(separator: "; ")
            text += "| \(layer.id) | \(titles(layer.title)) | \(layer.kind.rawValue) | \(yesNo(layer.required)) | "
                + "\(tones) | \(pains) | \(plan) | \(layer.aliases.joined(separator: ", ")) |\n"
        }
        text += "\n" + say(.schemaMetrics) + "\n\n"
        text += say(.schemaMetricColumns) + "\n|---|---|---|---|---|---|\n"
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
                pairs.append(("plan", Node(layer.plan ? "true" : "false")))
                if !layer.kinds.isEmpty { pairs.append(("kinds", list(layer.kinds))) }
                if !layer.owners.isEmpty { pairs.append(("owners", list(layer.owners))) }
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
        return "# The layer schema of this site. See docs/format.md (\"Writing a schema.yml\").\n" + body
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
