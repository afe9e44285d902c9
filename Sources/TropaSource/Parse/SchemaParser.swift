import TropaModel
import Yams

/// Reads a `schema.yml`; every problem in it is a `schema-invalid` diagnostic at its own line.
package enum SchemaParser {
    package static let topKeys = ["extends", "scale", "layers", "metrics"]
    package static let layerKeys = ["id", "title", "aliases", "kind", "required", "tones", "pains", "plan", "kinds", "owners", "after"]
    package static let metricKeys = ["id", "title", "aliases", "unit", "range", "role"]

    package static func parse(_ source: SourceText) -> (LayerSchema?, [Diagnostic]) {
        var yaml = YAMLReader(file: source.path, lineOffset: 0, syntaxCode: .schemaInvalid, typeCode: .schemaInvalid)
        guard let root = yaml.compose(source.text) else {
            if yaml.diagnostics.isEmpty {
                yaml.report(.error(.schemaInvalid, .schemaEmpty,
                                   at: SourceLocation(file: source.path, line: 1),
                                   suggestion: emptySchemaHelp(source)))
            }
            return (nil, yaml.diagnostics)
        }
        let fields = yaml.fields(of: root, what: .schema)
        yaml.warnUnknownKeys(fields, known: topKeys, code: .schemaInvalid, what: .schema)
        // `extends: default` starts from the default schema: entries then add layers and metrics or change them.
        let base = fields.first { $0.key == "extends" }.flatMap { extended($0, yaml: &yaml) }
        var scale = base?.scale ?? -2...2
        var layers = base?.layers ?? []
        var metrics = base?.metrics ?? []
        var names = NameRegistry(inherited: layers.map { ($0.id, $0.names) })
        var metricNames = NameRegistry(inherited: metrics.map { ($0.id, $0.names) }, roles: metrics.compactMap { metric in
            metric.role.map { ($0, metric.id) }
        })
        for field in fields {
            switch field.key {
            case "scale": scale = yaml.range(field) ?? scale
            case "layers":
                for node in entries(field, yaml: &yaml) {
                    let inherited = { (id: String) in layers.firstIndex { $0.id == id } }
                    // Only the extended schema's layers are inherited: a second entry of one id is `idTwice`.
                    guard let (layer, after) = layer(node, base: base != nil, inherited: { id in base?.layer(id: id) },
                                                     yaml: &yaml, names: &names) else { continue }
                    let kept = base == nil ? nil : inherited(layer.id)
                    if let after, inherited(after.id) == nil || after.id == layer.id {
                        let ids = layers.map { $0.id }.filter { $0 != layer.id }
                        yaml.report(.error(.schemaInvalid, .unknownAfter(after.id), at: after.at,
                                           suggestion: Suggestion.help(for: after.id, among: ids)
                                            ?? .layerIDsAre(ids)))
                    }
                    // An inherited layer stays where it was unless `after` moves it; a new one goes last or after.
                    if let kept, after == nil {
                        layers[kept] = layer
                        continue
                    }
                    if let kept { layers.remove(at: kept) }
                    let place = after.flatMap { inherited($0.id) }.map { $0 + 1 } ?? layers.endIndex
                    layers.insert(layer, at: place)
                }
            case "metrics":
                for node in entries(field, yaml: &yaml) {
                    let index = base == nil ? nil : { (id: String?) in metrics.firstIndex { $0.id == id } }
                    guard let metric = metric(node, inherited: { id in base?.metrics.first { $0.id == id } }, yaml: &yaml,
                                              names: &metricNames) else { continue }
                    if let position = index?(metric.id) { metrics[position] = metric } else { metrics.append(metric) }
                }
            default: break
            }
        }
        if base == nil, !fields.contains(where: { $0.key == "layers" }) || (layers.isEmpty && !yaml.diagnostics.hasErrors) {
            yaml.report(.error(.schemaInvalid, .noLayers, at: yaml.location(of: root), suggestion: .addLayersKey))
        }
        let errors = yaml.diagnostics.map { diagnostic in
            // Unknown keys in a schema are mistakes in a file of the site's own structure: errors.
            var diagnostic = diagnostic
            diagnostic.severity = .error
            return diagnostic
        }
        guard !errors.hasErrors else { return (nil, errors) }
        return (LayerSchema(scale: scale, layers: layers, metrics: metrics), errors)
    }

    /// The schema `extends` names: `default` is the only one.
    private static func extended(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> LayerSchema? {
        guard let name = yaml.string(field) else { return nil }
        guard name.trimmingWhitespace() == "default" else {
            yaml.report(.error(.schemaInvalid, .unknownBaseSchema(name), at: field.location, suggestion: .write("extends: default")))
            return nil
        }
        return .default
    }

    /// A command that runs whatever the file holds: `--output` fills a file only while it is blank.
    private static func emptySchemaHelp(_ source: SourceText) -> Message {
        .startFromDefault(output: source.text.allSatisfy(\.isWhitespace) ? source.path : nil)
    }

    /// Keeps the names of layers (or metrics) seen so far, so a second use of one is reported.
    private struct NameRegistry {
        private var owners: [NameKey: String] = [:]
        private var ids: Set<String> = []
        private var roles: [MetricRole: String] = [:]

        /// The names of the schema extended hold by their ids; an entry with one of those ids may claim its own
        /// again, once, as it changes the inherited layer or metric.
        init(inherited: [(id: String, names: [String])] = [], roles: [(MetricRole, String)] = []) {
            for (id, names) in inherited {
                for name in names + [id] where owners[NameKey(name)] == nil { owners[NameKey(name)] = id }
            }
            for (role, id) in roles { self.roles[role] = id }
        }

        /// False when the id was declared before.
        package mutating func claimID(_ id: String) -> Bool { ids.insert(id).inserted }

        /// The metric that has the role already, if another one does.
        package mutating func claimRole(_ role: MetricRole, by owner: String) -> String? {
            if let previous = roles[role], previous != owner { return previous }
            roles[role] = owner
            return nil
        }

        package mutating func claim(_ name: String, by owner: String) -> String? {
            let key = NameKey(name)
            if let previous = owners[key], previous != owner { return previous }
            owners[key] = owner
            return nil
        }
    }

    private static func entries(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> [Node] {
        guard let sequence = field.value.sequence else {
            yaml.typeError(field, .shouldBeEntries(field.key))
            return []
        }
        return Array(sequence)
    }

    private struct Common {
        package var id: String?
        package var title = LocalizedText([:])
        package var aliases: [String] = []
        package var fields: [YAMLReader.Field] = []
    }

    private static func common(_ node: Node, what: Message.Entry, known: [String], yaml: inout YAMLReader) -> Common {
        var common = Common()
        let part: Message.Part = what == .layer ? .layer : .metric
        common.fields = yaml.fields(of: node, what: part)
        yaml.warnUnknownKeys(common.fields, known: known, code: .schemaInvalid, what: part)
        for field in common.fields {
            switch field.key {
            case "id":
                if let id = yaml.string(field) {
                    if id.isEmpty || id.contains(where: { $0.isWhitespace }) {
                        yaml.typeError(field, .idOneWord(what, id))
                    } else {
                        common.id = id
                    }
                }
            case "title":
                if let map = field.value.mapping {
                    var values: [String: String] = [:]
                    for (language, text) in map {
                        guard let key = language.scalar?.string, let value = text.scalar?.string else {
                            yaml.typeError(text, .titlePerLanguage)
                            continue
                        }
                        values[key] = value
                    }
                    common.title = LocalizedText(values)
                } else if let text = yaml.string(field) {
                    common.title = LocalizedText(["en": text])
                }
            case "aliases":
                common.aliases = yaml.strings(field) ?? []
            default: break
            }
        }
        if common.id == nil, !common.fields.contains(where: { $0.key == "id" }) {
            yaml.typeError(node, .needsID(what))
        }
        return common
    }

    private static func claimNames(_ common: Common, id: String, what: Message.Entry, yaml: inout YAMLReader,
                                   names: inout NameRegistry) -> Bool {
        guard names.claimID(id) else {
            yaml.report(.error(.schemaInvalid, .idTwice(what, id),
                               at: location(common, key: "id", yaml: yaml), suggestion: .ownID(what)))
            return false
        }
        var ok = true
        if let owner = names.claim(id, by: id) {
            ok = false
            yaml.report(.error(.schemaInvalid, .idIsName(what, id: id, owner: owner),
                               at: location(common, key: "id", yaml: yaml)))
        }
        for name in common.title.values.values.sorted() + common.aliases {
            if let owner = names.claim(name, by: id) {
                ok = false
                let key = common.aliases.contains(name) ? "aliases" : "title"
                yaml.report(.error(.schemaInvalid, .nameTwice(what, name: name, owner: owner, id: id),
                                   at: location(common, key: key, yaml: yaml),
                                   suggestion: .oneEntryPerName(what)))
            }
        }
        return ok
    }

    private static func location(_ common: Common, key: String, yaml: YAMLReader) -> SourceLocation {
        common.fields.first { $0.key == key }?.location ?? common.fields.first?.location ?? yaml.location(line: 1)
    }

    /// A layer entry; with `inherited` (the extended schema's layer of the same id) the keys it leaves out keep
    /// their inherited values and its aliases add to the inherited ones. Also where it goes (`after:`).
    private static func layer(_ node: Node, base: Bool, inherited: (String) -> LayerDefinition?, yaml: inout YAMLReader,
                              names: inout NameRegistry) -> (LayerDefinition, after: (id: String, at: SourceLocation)?)? {
        let common = common(node, what: .layer, known: layerKeys, yaml: &yaml)
        let previous = common.id.flatMap(inherited)
        var kind = previous?.kind ?? .text
        var kindRead = true
        var required = previous?.required ?? false
        var tones = previous?.tones ?? false
        var pains = previous?.pains ?? false
        var plan = previous?.plan ?? false
        var kinds = previous?.kinds ?? []
        var owners = previous?.owners ?? []
        var after: (id: String, at: SourceLocation)?
        /// Keys that only a list layer may carry.
        var listOnly: [YAMLReader.Field] = []
        for field in common.fields {
            switch field.key {
            case "kind":
                kindRead = false
                guard let text = yaml.string(field) else { continue }
                guard let value = LayerKind(rawValue: text) else {
                    let kinds = LayerKind.allCases.map(\.rawValue)
                    yaml.report(.error(.schemaInvalid, .unknownKind(text), at: field.location,
                                       suggestion: Suggestion.help(for: text, among: kinds)
                                        ?? .kindsAre(kinds)))
                    continue
                }
                if let previous, previous.kind != value {
                    // Maps written for the default schema would stop reading: a new layer is the way.
                    yaml.report(.error(.schemaInvalid, .inheritedKind(id: previous.id, kind: previous.kind.rawValue),
                                       at: field.location, suggestion: .newLayerInstead))
                    continue
                }
                kind = value
                kindRead = true
            case "required":
                required = yaml.bool(field) ?? false
            case "tones":
                listOnly.append(field)
                tones = yaml.bool(field) ?? false
            case "pains":
                listOnly.append(field)
                pains = yaml.bool(field) ?? false
            case "plan":
                listOnly.append(field)
                plan = yaml.bool(field) ?? false
            case "kinds":
                listOnly.append(field)
                kinds = yaml.strings(field) ?? []
                // A kind no action could name would silently collect nothing.
                if let unreadable = kinds.first(where: { !LayerContentReader.isKind($0) }) {
                    yaml.report(.error(.schemaInvalid, .unreadableKind(unreadable), at: field.location,
                                       suggestion: .kindsRule))
                }
            case "owners":
                listOnly.append(field)
                // Written with or without the `@` an action puts before them.
                owners = (yaml.strings(field) ?? []).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
                if let unreadable = owners.first(where: { !LayerContentReader.isOwnerName($0) || $0.last == "." }) {
                    yaml.report(.error(.schemaInvalid, .unreadableOwner(unreadable), at: field.location,
                                       suggestion: .ownersRule))
                }
            case "after":
                guard let id = yaml.string(field) else { continue }
                if base {
                    after = (id, yaml.location(of: field.value))
                } else {
                    yaml.report(.error(.schemaInvalid, .afterWithoutExtends, at: field.location,
                                       suggestion: .write("extends: default")))
                }
            default: break
            }
        }
        // Only list items carry a tone or are pain points; a kind that could not be read was reported already.
        for field in listOnly where kindRead && kind != .list {
            yaml.report(.error(.schemaInvalid,
                               .listOnlyKey(key: field.key, kind: kind.rawValue),
                               at: field.location,
                               suggestion: .removeOrMakeList(field.key)))
        }
        guard let id = common.id else { return nil }
        guard claimNames(common, id: id, what: .layer, yaml: &yaml, names: &names) else { return nil }
        let given = Set(common.fields.map(\.key))
        let title = given.contains("title") || previous == nil ? common.title : previous!.title
        let aliases = (previous?.aliases ?? []) + common.aliases.filter { !(previous?.aliases ?? []).contains($0) }
        return (LayerDefinition(id: id, title: title, aliases: aliases, kind: kind, required: required,
                                tones: tones, pains: pains, plan: plan, kinds: kinds, owners: owners), after)
    }

    /// A metric entry; with `inherited`, as for layers: what it leaves out stays, its aliases add.
    private static func metric(_ node: Node, inherited: (String) -> MetricDefinition?, yaml: inout YAMLReader,
                               names: inout NameRegistry) -> MetricDefinition? {
        let common = common(node, what: .metric, known: metricKeys, yaml: &yaml)
        let previous = common.id.flatMap(inherited)
        var unit = previous?.unit ?? .plain
        var range = previous?.range
        var role: (value: MetricRole, location: SourceLocation)?
        for field in common.fields {
            switch field.key {
            case "unit":
                guard let text = yaml.string(field) else { continue }
                guard let value = MetricUnit(rawValue: text) else {
                    yaml.report(.error(.schemaInvalid, .unknownUnit(text), at: field.location,
                                       suggestion: .unitsAre))
                    continue
                }
                unit = value
            case "range":
                range = yaml.range(field)
            case "role":
                guard let text = yaml.string(field) else { continue }
                let location = yaml.location(of: field.value)
                guard let value = MetricRole(rawValue: text) else {
                    let roles = MetricRole.allCases.map(\.rawValue)
                    yaml.report(.error(.schemaInvalid, .unknownRole(text), at: location,
                                       suggestion: Suggestion.help(for: text, among: roles)
                                        ?? .rolesAre(roles)))
                    continue
                }
                role = (value, location)
            default: break
            }
        }
        guard let id = common.id else { return nil }
        if let role, let owner = names.claimRole(role.value, by: id) {
            yaml.report(.error(.schemaInvalid,
                               .roleTwice(owner, id, role: role.value.rawValue),
                               at: role.location,
                               suggestion: .oneMetricPerRole))
        }
        guard claimNames(common, id: id, what: .metric, yaml: &yaml, names: &names) else { return nil }
        let given = Set(common.fields.map(\.key))
        let title = given.contains("title") || previous == nil ? common.title : previous!.title
        let aliases = (previous?.aliases ?? []) + common.aliases.filter { !(previous?.aliases ?? []).contains($0) }
        return MetricDefinition(id: id, title: title, aliases: aliases, unit: unit, range: range,
                                role: role?.value ?? previous?.role)
    }
}
